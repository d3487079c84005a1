using Pump.Hal;

namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// IEC 60601-1-8 alarm-lamp timing (Table 1): high priority red flashing at 2 Hz, 50 % duty
    /// [1.4–2.8 Hz, 20–60 %]; medium priority yellow flashing at 0.5 Hz, 50 % duty [0.4–0.8 Hz,
    /// 20–60 %]; low priority yellow steady. Phases are multiples of the 50 ms control period and are
    /// measured from the moment the lamp state was selected, so a new alarm always starts lit.
    /// </summary>
    public sealed class LampSequencer
    {
        public const int HighHalfPeriodMs = 250;
        public const int MediumHalfPeriodMs = 1000;

        private AlarmLight _light;
        private long _sinceUs;

        public AlarmLight Light { get { return _light; } }

        /// <summary>Selects the lamp state; repeating the current state keeps the phase.</summary>
        public void Select(AlarmLight light, long nowUs)
        {
            if (light == _light)
            {
                return;
            }

            _light = light;
            _sinceUs = nowUs;
        }

        /// <summary>Lamp outputs at <paramref name="nowUs"/>.</summary>
        public void Evaluate(long nowUs, out bool redOn, out bool yellowOn)
        {
            redOn = false;
            yellowOn = false;
            long elapsedUs = nowUs - _sinceUs;
            if (elapsedUs < 0)
            {
                elapsedUs = 0;
            }

            switch (_light)
            {
                case AlarmLight.HighFlashing:
                    redOn = (elapsedUs / (HighHalfPeriodMs * 1000L)) % 2 == 0;
                    break;
                case AlarmLight.MediumFlashing:
                    yellowOn = (elapsedUs / (MediumHalfPeriodMs * 1000L)) % 2 == 0;
                    break;
                case AlarmLight.LowSteady:
                    yellowOn = true;
                    break;
            }
        }
    }
}
