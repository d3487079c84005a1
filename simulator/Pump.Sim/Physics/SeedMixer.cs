namespace Pump.Sim.Physics
{
    /// <summary>
    /// Derives independent, reproducible seeds for each random stream from the scenario seed (SplitMix64).
    /// HashCode.Combine is not usable for this: it is randomized per process, so runs would differ between
    /// processes.
    /// </summary>
    public static class SeedMixer
    {
        public static int Mix(int seed, int stream)
        {
            ulong z = unchecked(((ulong)(uint)seed << 32) ^ (uint)stream) + 0x9E3779B97F4A7C15UL;
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            return unchecked((int)z);
        }
    }
}
