namespace Pump.Core.Supervision
{
    /// <summary>Selectable occlusion pressure levels (TEC-001).</summary>
    public enum OcclusionLevel
    {
        Low = 0,
        Medium = 1,
        High = 2,
    }

    /// <summary>
    /// Occlusion from plunger force (TEC-001): line pressure = (force − friction baseline) ÷ plunger
    /// area. Alarms when pressure exceeds the selected level, or rises faster than the rate-of-rise
    /// limit while above a floor (catches an occlusion early at low rates, before the level is reached).
    /// The friction baseline is the lowest force seen since delivery (re)started.
    /// All thresholds are named parameters; the defaults are proposals (pump-anchors.md §6–7).
    /// </summary>
    public sealed class OcclusionDetector
    {
        /// <summary>Pressure levels in mmHg (Low, Medium, High), proposals comparable to commercial pumps.</summary>
        public static readonly int[] LevelMmHg = new int[] { 300, 500, 750 };

        /// <summary>Rate-of-rise limit: mmHg gained over <see cref="RiseWindowUs"/>.</summary>
        public const int RiseLimitMmHg = 150;

        /// <summary>Window of the rate-of-rise rule.</summary>
        public const long RiseWindowUs = 10000000;

        /// <summary>Pressure below which the rate-of-rise rule is not applied (start-up transient).</summary>
        public const int RiseFloorMmHg = 100;

        private const int RingSize = 16;
        private readonly int[] _ringPressure = new int[RingSize];
        private readonly long[] _ringAtUs = new long[RingSize];
        private int _ringNext;
        private int _ringCount;
        private long _lastSampleUs;
        private int _baselineMilliNewtons;
        private bool _hasBaseline;
        private readonly long _plungerAreaUm2;

        /// <param name="plungerAreaSquareMicrometres">Plunger area of the loaded syringe.</param>
        public OcclusionDetector(long plungerAreaSquareMicrometres, OcclusionLevel level)
        {
            _plungerAreaUm2 = plungerAreaSquareMicrometres;
            Level = level;
        }

        public OcclusionLevel Level { get; set; }

        /// <summary>Latest line pressure estimate in mmHg (0 before any reading).</summary>
        public int PressureMmHg { get; private set; }

        /// <summary>True when the last sample met either occlusion rule.</summary>
        public bool Occluded { get; private set; }

        /// <summary>The level's pressure threshold in mmHg.</summary>
        public int ThresholdMmHg { get { return LevelMmHg[(int)Level]; } }

        /// <summary>Forgets the baseline and history (call when delivery starts or resumes).</summary>
        public void Restart()
        {
            _hasBaseline = false;
            _ringCount = 0;
            _ringNext = 0;
            Occluded = false;
            PressureMmHg = 0;
        }

        /// <summary>Force in millinewtons → mmHg for this plunger: P = F / A; 1 mmHg = 133.322 Pa.</summary>
        public long PressureFromForce(long forceMilliNewtons)
        {
            // mN / µm² = 1e9 Pa; mmHg = Pa / 133.322  →  P = F_mN * 1e12 / (A_um2 * 133322).
            if (forceMilliNewtons <= 0)
            {
                return 0;
            }

            return forceMilliNewtons * 1000000L / (_plungerAreaUm2 * 133322L / 1000000L);
        }

        /// <summary>Takes one force sample. Returns true while occluded.</summary>
        public bool Sample(int forceMilliNewtons, long nowUs)
        {
            if (!_hasBaseline || forceMilliNewtons < _baselineMilliNewtons)
            {
                _baselineMilliNewtons = forceMilliNewtons;
                _hasBaseline = true;
            }

            long pressure = PressureFromForce(forceMilliNewtons - _baselineMilliNewtons);
            PressureMmHg = pressure > int.MaxValue ? int.MaxValue : (int)pressure;
            bool overLevel = PressureMmHg >= ThresholdMmHg;

            // Keep one sample per second for the rate-of-rise window.
            if (_ringCount == 0 || nowUs - _lastSampleUs >= 1000000)
            {
                _ringPressure[_ringNext] = PressureMmHg;
                _ringAtUs[_ringNext] = nowUs;
                _ringNext = (_ringNext + 1) % RingSize;
                if (_ringCount < RingSize)
                {
                    _ringCount++;
                }

                _lastSampleUs = nowUs;
            }

            bool rising = false;
            if (PressureMmHg >= RiseFloorMmHg)
            {
                for (int k = 0; k < _ringCount; k++)
                {
                    long age = nowUs - _ringAtUs[k];
                    if (age <= RiseWindowUs && PressureMmHg - _ringPressure[k] >= RiseLimitMmHg)
                    {
                        rising = true;
                        break;
                    }
                }
            }

            Occluded = overLevel || rising;
            return Occluded;
        }
    }
}
