using Pump.Hal;

namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// The pitch of each alarm pulse: IEC 60601-1-8:2006 Annex F's melody for drug or fluid delivery, C5 D4 G4 C5 D4
    /// (high priority plays it twice over its 10 pulses; medium priority the first three notes; low priority the first
    /// two), so the alarm says "infusion pump" as well as its priority. Fundamentals 262–523 Hz, inside the
    /// standard's 150–1000 Hz; the PWM square wave supplies the harmonics it asks for. Information is a single C5.
    /// Frequencies are the equal-tempered values rounded to whole hertz (the LEDC resolution at these frequencies is
    /// far finer). To confirm against the standard's text and on the bench (bench-verification.md §5).
    /// </summary>
    public static class AlarmMelody
    {
        public const int C4Hz = 262;
        public const int D4Hz = 294;
        public const int G4Hz = 392;
        public const int C5Hz = 523;

        private static readonly int[] DrugDeliveryHz = { C5Hz, D4Hz, G4Hz, C5Hz, D4Hz };

        /// <summary>Pitch (Hz) of pulse <paramref name="pulseIndex"/> (0-based within its burst); 0 for Silent or no such pulse.</summary>
        public static int PitchHz(AlarmSound sound, int pulseIndex)
        {
            if (pulseIndex < 0 || pulseIndex >= BuzzerSequencer.StartsMs(sound).Length)
            {
                return 0;
            }

            switch (sound)
            {
                case AlarmSound.HighPriority:
                case AlarmSound.MediumPriority:
                case AlarmSound.LowPriority:
                    return DrugDeliveryHz[pulseIndex % DrugDeliveryHz.Length];
                case AlarmSound.Information:
                    return C5Hz;
                default:
                    return 0;
            }
        }
    }
}
