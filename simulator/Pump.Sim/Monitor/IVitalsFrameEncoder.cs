namespace Pump.Sim.Monitor
{
    /// <summary>Turns one reading into link bytes (the documented protocol: <see cref="CoreFrameEncoder"/>).</summary>
    public interface IVitalsFrameEncoder
    {
        /// <summary>Largest frame, bytes.</summary>
        int MaxFrameBytes { get; }

        /// <summary>Writes the frame into <paramref name="buffer"/> and returns its length (0 if it cannot be encoded). Must not allocate.</summary>
        int Encode(in VitalSignsReading reading, byte[] buffer);
    }
}
