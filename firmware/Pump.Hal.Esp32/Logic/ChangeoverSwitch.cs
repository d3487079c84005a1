namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// A changeover (SPDT) switch read through both contacts, each pulled up and closed to ground:
    /// the normally-open contact reads low when actuated, the normally-closed one reads low when not.
    /// Exactly one contact low is a valid reading; both low (short) or both high (open wire, missing
    /// switch, unplugged cable) is impossible and must be treated as "not secured".
    /// </summary>
    public static class ChangeoverSwitch
    {
        /// <summary>Decodes the two contact levels (true = line high).</summary>
        public static bool TryDecode(bool normallyOpenHigh, bool normallyClosedHigh, out bool actuated)
        {
            actuated = false;
            if (normallyOpenHigh == normallyClosedHigh)
            {
                return false;
            }

            actuated = !normallyOpenHigh;
            return true;
        }
    }
}
