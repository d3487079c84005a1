namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// The power-up watchdog test (hardware-docs/bench-verification.md): before deliberately starving
    /// the external watchdog, the firmware writes an "armed" marker to non-volatile storage; if the
    /// watchdog bites, the next boot finds the marker, knows the bite worked, and clears it. If the
    /// firmware is still running after the wait, the watchdog failed. The marker is 8 bytes:
    /// "WDT1", the state, its complement, and two reserved bytes. Anything else reads as "not armed",
    /// so a corrupted marker can only cause one more test, never a false pass.
    /// </summary>
    public static class WatchdogTestMarker
    {
        public const int Length = 8;
        private const byte StateArmed = 0xA5;
        private const byte StateIdle = 0x00;

        public static void Encode(bool armed, byte[] buffer)
        {
            byte state = armed ? StateArmed : StateIdle;
            buffer[0] = (byte)'W';
            buffer[1] = (byte)'D';
            buffer[2] = (byte)'T';
            buffer[3] = (byte)'1';
            buffer[4] = state;
            buffer[5] = unchecked((byte)~state);
            buffer[6] = 0;
            buffer[7] = 0;
        }

        /// <summary>True only for a well-formed marker in the armed state.</summary>
        public static bool IsArmed(byte[] buffer, int count)
        {
            return count == Length
                && buffer[0] == (byte)'W' && buffer[1] == (byte)'D' && buffer[2] == (byte)'T' && buffer[3] == (byte)'1'
                && buffer[4] == StateArmed && buffer[5] == unchecked((byte)~StateArmed);
        }
    }
}
