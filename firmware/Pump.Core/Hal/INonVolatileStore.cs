namespace Pump.Hal
{
    /// <summary>
    /// A small byte-addressed non-volatile region (ESP32: a fixed-size file on the littlefs config
    /// partition). Units: bytes. A write interrupted by power loss may leave any prefix of the new
    /// bytes written and the rest old (a torn write); the persistence layer, not the port, makes
    /// records safe with two slots, a sequence number and a CRC.
    /// Failure: TryRead/TryWrite return false on an I/O error or a range outside the region.
    /// </summary>
    public interface INonVolatileStore
    {
        /// <summary>Size of the region in bytes.</summary>
        int CapacityBytes { get; }

        /// <summary>Reads count bytes at address into buffer[offset..].</summary>
        bool TryRead(int address, byte[] buffer, int offset, int count);

        /// <summary>Writes count bytes from buffer[offset..] at address, durably, before returning.</summary>
        bool TryWrite(int address, byte[] buffer, int offset, int count);
    }
}
