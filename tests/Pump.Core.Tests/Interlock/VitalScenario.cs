using Pump.Core.Interlock;
using Pump.Core.Link;

namespace Pump.Core.Tests.Interlock
{
    /// <summary>
    /// Drives a <see cref="VitalLimitEvaluator"/> with the ketamine table through a session in fake time.
    /// Baseline 125/75 mmHg, HR 72, SpO2 97, RR 14, NIBP reading 1 taken at t = 0. Frames carry the current
    /// values; <see cref="Nibp"/> starts a new cuff reading (measured at the frame's time).
    /// </summary>
    internal sealed class VitalScenario
    {
        public const int BaseSystolic = 125;
        public const int BaseDiastolic = 75;

        public readonly VitalLimitEvaluator Evaluator;
        public readonly VitalBaseline Baseline;
        private readonly VitalSigns _frame = new VitalSigns();
        private uint _sequence;
        private long _nibpMeasuredAtMs;

        public VitalScenario()
            : this(InterlockProfile.KetaminePsych40().Rules)
        {
        }

        public VitalScenario(VitalRule[] rules)
        {
            Evaluator = new VitalLimitEvaluator(rules);
            Baseline = new VitalBaseline
            {
                Valid = true,
                SystolicMmHg = BaseSystolic,
                DiastolicMmHg = BaseDiastolic,
                HeartRateBpm = 72,
                Spo2Percent = 97,
                RespiratoryRatePerMin = 14,
                NibpReadingNumber = 1,
                NibpMeasuredAtMs = 0,
                CapturedAtMs = 0,
            };
            Evaluator.BeginSession(Baseline);
            _frame.MonitorId = 1;
            _frame.HeartRateBpm = 72;
            _frame.Spo2Percent = 97;
            _frame.RespiratoryRatePerMin = 14;
            _frame.SystolicMmHg = BaseSystolic;
            _frame.DiastolicMmHg = BaseDiastolic;
            _frame.MeanMmHg = 92;
            _frame.NibpReadingNumber = 1;
            _frame.AvailableFlags = VitalSigns.AvailKnownMask;
        }

        public int HeartRateBpm { set => _frame.HeartRateBpm = value; }

        public int Spo2Percent { set => _frame.Spo2Percent = value; }

        public int RespiratoryRatePerMin { set => _frame.RespiratoryRatePerMin = value; }

        public int AvailableFlags { get => _frame.AvailableFlags; set => _frame.AvailableFlags = value; }

        public int StatusFlags { set => _frame.StatusFlags = value; }

        /// <summary>Sends one frame received at <paramref name="nowMs"/> and evaluates.</summary>
        public void Frame(long nowMs)
        {
            _sequence++;
            _frame.Sequence = _sequence;
            _frame.ReceivedAtMs = nowMs;
            _frame.NibpAgeS = (int)((nowMs - _nibpMeasuredAtMs) / 1000);
            Evaluator.OnFrame(_frame);
            Evaluator.Evaluate(nowMs);
        }

        /// <summary>A new NIBP reading taken at <paramref name="nowMs"/>, delivered in a frame at that time.</summary>
        public void Nibp(long nowMs, int systolic, int diastolic)
        {
            _frame.SystolicMmHg = systolic;
            _frame.DiastolicMmHg = diastolic;
            _frame.MeanMmHg = (systolic + 2 * diastolic) / 3;
            _frame.NibpReadingNumber = (_frame.NibpReadingNumber + 1) & 0xFFFF;
            _nibpMeasuredAtMs = nowMs;
            Frame(nowMs);
        }

        /// <summary>Frames every second from <paramref name="fromMs"/> to <paramref name="toMs"/> inclusive.</summary>
        public void FramesEverySecond(long fromMs, long toMs)
        {
            for (long t = fromMs; t <= toMs; t += 1000)
            {
                Frame(t);
            }
        }

        public void Evaluate(long nowMs) => Evaluator.Evaluate(nowMs);

        public bool Fired(string code) => Evaluator.IsFired(Index(code));

        public bool Latched(string code) => Evaluator.IsLatched(Index(code));

        public int Index(string code)
        {
            int i = Evaluator.IndexOf(code);
            if (i < 0)
            {
                throw new System.ArgumentException("no rule " + code);
            }

            return i;
        }
    }
}
