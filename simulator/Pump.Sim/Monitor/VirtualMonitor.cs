using System;
using Pump.Sim.Hardware;
using Pump.Sim.Patient;
using Pump.Sim.Physics;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// The patient monitor linked to the pump: samples the virtual patient with measurement noise and sends one
    /// monitor-link frame per second with HR, SpO2 and RR, and the last cuff reading (new every NIBP cycle,
    /// default 5 min, the first in the first frame) with its age and reading number. Scenario faults: forced
    /// values, probe off, a wrong (unpaired) monitor. Values are clamped to what a monitor can report.
    /// </summary>
    public sealed class VirtualMonitor
    {
        private readonly VirtualPatient _patient;
        private readonly SimMonitorLink _link;
        private readonly IVitalsFrameEncoder _encoder;
        private readonly Gaussian _noise;
        private readonly byte[] _frame;
        private readonly long _nibpIntervalMs;
        private long _nextNibpMs;
        private long _lastNibpMs;
        private uint _sequence;
        private uint _boot = 1;
        private int _nibpReadings;

        public VirtualMonitor(VirtualPatient patient, SimMonitorLink link, IVitalsFrameEncoder encoder, Gaussian noise,
            long nibpIntervalMs, uint pairedMonitorId)
        {
            if (nibpIntervalMs <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(nibpIntervalMs));
            }
            _patient = patient;
            _link = link;
            _encoder = encoder;
            _noise = noise;
            _frame = new byte[encoder.MaxFrameBytes];
            _nibpIntervalMs = nibpIntervalMs;
            PairedMonitorId = pairedMonitorId;
        }

        /// <summary>[P] Measurement noise: NIBP SD 5 mmHg, SpO2 SD 1 %, HR SD 2 bpm, RR SD 1/min (clinical.md §6c).</summary>
        public double NibpNoiseSdMmHg { get; init; } = 5;
        public double Spo2NoiseSdPct { get; init; } = 1;
        public double HrNoiseSdBpm { get; init; } = 2;
        public double RrNoiseSdPerMin { get; init; } = 1;

        public uint PairedMonitorId { get; }

        /// <summary>Forced values (NaN = not forced).</summary>
        public double ForcedHr = double.NaN, ForcedSbp = double.NaN, ForcedDbp = double.NaN, ForcedSpo2 = double.NaN, ForcedRr = double.NaN;

        /// <summary>While set, frames carry another monitor's identity.</summary>
        public bool WrongMonitor { get; set; }

        public bool ProbeOff { get; set; }

        /// <summary>The last reading sent (what the pump should have seen).</summary>
        public VitalSignsReading Last;

        /// <summary>The last blood pressure sent.</summary>
        public int LastSbpMmHg { get; private set; }
        public int LastDbpMmHg { get; private set; }

        public long FramesSent { get; private set; }

        /// <summary>Release all forced values.</summary>
        public void ReleaseForced()
        {
            ForcedHr = ForcedSbp = ForcedDbp = ForcedSpo2 = ForcedRr = double.NaN;
        }

        /// <summary>Frames the encoder refused (a value that does not fit its field).</summary>
        public long EncodeFailures { get; private set; }

        /// <summary>When set, readings travel this way (e.g. PCD-01 through a bridge) instead of as the monitor's own link frames.</summary>
        public IReadingTransport? Transport { get; set; }

        /// <summary>The sender restarts: a new boot number, sequence from 1 (the pump accepts it and logs it).</summary>
        public void Restart()
        {
            _boot++;
            _sequence = 0;
        }

        /// <summary>Requests a blood pressure in the next frame (a manual NIBP start).</summary>
        public void RequestNibpNow(long nowMs) => _nextNibpMs = nowMs;

        /// <summary>Takes one reading at <paramref name="nowMs"/> and puts its frame on the link; returns the frame's byte count.</summary>
        public int SendReading(long nowMs)
        {
            ref VitalSignsReading r = ref Last;
            r.TimeMs = nowMs;
            r.MonitorId = WrongMonitor ? PairedMonitorId ^ 0x5A5A5A5Au : PairedMonitorId;
            r.Boot = _boot;
            r.Sequence = ++_sequence;
            r.HrBpm = Measure(ForcedHr, _patient.HrBpm, HrNoiseSdBpm, 15, 300);
            r.Spo2Pct = Measure(ForcedSpo2, _patient.Spo2Pct, Spo2NoiseSdPct, 30, 100);
            r.RrPerMin = Measure(ForcedRr, _patient.RrPerMin, RrNoiseSdPerMin, 0, 150);
            r.ProbeOff = ProbeOff;
            r.NewBloodPressure = nowMs >= _nextNibpMs;
            if (r.NewBloodPressure)
            {
                _nextNibpMs = nowMs + _nibpIntervalMs;
                _lastNibpMs = nowMs;
                _nibpReadings++;
                r.SbpMmHg = Measure(ForcedSbp, _patient.SbpMmHg, NibpNoiseSdMmHg, 41, 300);
                r.DbpMmHg = Math.Min(Measure(ForcedDbp, _patient.DbpMmHg, NibpNoiseSdMmHg, 15, 250), r.SbpMmHg - 1);
                LastSbpMmHg = r.SbpMmHg;
                LastDbpMmHg = r.DbpMmHg;
            }
            r.NibpAvailable = _nibpReadings > 0;
            r.NibpReadingNumber = _nibpReadings;
            r.NibpAgeMs = nowMs - _lastNibpMs;
            if (Transport != null)
            {
                FramesSent++;
                return Transport.Send(in r, nowMs);
            }
            int n = _encoder.Encode(in r, _frame);
            if (n == 0)
            {
                EncodeFailures++;
                return 0;
            }
            _link.Write(_frame, 0, n);
            FramesSent++;
            return n;
        }

        private int Measure(double forced, double truth, double sd, int min, int max)
        {
            double v = double.IsNaN(forced) ? truth + (_noise.Next() * sd) : forced;
            return Math.Clamp((int)Math.Round(v), min, max);
        }
    }
}
