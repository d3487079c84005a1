namespace Pump.Sim.Monitor
{
    /// <summary>
    /// Turns one reading into link bytes. The virtual monitor depends only on this, so the documented
    /// protocol's encoder (hardware-docs/monitor-link.md, firmware/Pump.Core/Link) plugs in as one adapter.
    /// </summary>
    public interface IVitalsFrameEncoder
    {
        /// <summary>Largest frame, bytes.</summary>
        int MaxFrameBytes { get; }

        /// <summary>Writes the frame into <paramref name="buffer"/> and returns its length. Must not allocate.</summary>
        int Encode(in VitalSignsReading reading, byte[] buffer);
    }
}
