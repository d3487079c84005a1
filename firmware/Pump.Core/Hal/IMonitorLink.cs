namespace Pump.Hal
{
    /// <summary>
    /// Bytes in from the linked patient monitor (ESP32: COM2 through an RS-232 transceiver).
    /// The link carries vital signs only; it can never command the pump (hardware-docs/monitor-link.md).
    /// Failure: a broken link reads no bytes; the vital-sign lease then expires on its own.
    /// Overflowed or corrupted bytes are the parser's problem, never the port's.
    /// </summary>
    public interface IMonitorLink
    {
        /// <summary>
        /// Copies up to <paramref name="count"/> received bytes into buffer[offset..] without blocking.
        /// Returns the number copied (0 when none are waiting).
        /// </summary>
        int Read(byte[] buffer, int offset, int count);
    }
}
