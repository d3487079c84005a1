namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// The sensor part of the power-up self-test as a decision: every input must be readable and the
    /// unit calibrated, otherwise the first failing item (in this fixed order) is the reason shown on
    /// the safe-halt screen. Missing calibration comes first: without it no sensor reading means
    /// anything.
    /// </summary>
    public static class SelfTestVerdict
    {
        /// <summary>Null when every check passed; otherwise the display text of the first failure.</summary>
        public static string? FirstFailure(bool calibrationEntered, bool switchesReadable, bool counterReadable, bool forceReadable, bool positionReadable)
        {
            if (!calibrationEntered)
            {
                return "NOT CALIBRATED";
            }

            if (!switchesReadable)
            {
                return "SYRINGE SWITCHES";
            }

            if (!counterReadable)
            {
                return "STEP COUNTER";
            }

            if (!forceReadable)
            {
                return "FORCE SENSOR";
            }

            if (!positionReadable)
            {
                return "PLUNGER POSITION";
            }

            return null;
        }
    }
}
