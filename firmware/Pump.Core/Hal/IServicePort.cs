namespace Pump.Hal
{
    /// <summary>
    /// The wired service port (ESP32: UART2 on the service connector; simulator: loopback TCP). Bytes only:
    /// framing, checks and the service-mode gate belong to the core (hardware-docs/service-link.md).
    /// Failure: Read returns 0 when nothing arrived or the port is broken; TryWrite returns false when the
    /// bytes cannot be queued. Neither blocks.
    /// </summary>
    public interface IServicePort
    {
        /// <summary>Copies up to count received bytes into buffer[offset..]; returns how many.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Queues buffer[offset..offset+count) for sending.</summary>
        bool TryWrite(byte[] buffer, int offset, int count);
    }
}
