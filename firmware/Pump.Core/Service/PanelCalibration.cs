using Pump.Core.Configuration;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Service
{
    /// <summary>
    /// Guided calibration on the panel (service mode, hardware-docs/calibration.md): tare, the 5 kg reference
    /// mass, the pusher at its zero and forward end stops (jog with the bench page's keys), then a confirmation
    /// before the calibration is written into the unit's configuration record, dated by the calendar clock and
    /// logged. Each step averages <see cref="Samples"/> raw readings. The unit must already have a serial
    /// (`pump-service config set serial=...`), and nothing is stored before the final OK.
    /// </summary>
    public sealed class PanelCalibration
    {
        public const int Samples = 8;

        /// <summary>The reference mass: 5.000 kg × 9.80665 m/s².</summary>
        public const int ReferenceMilliNewtons = 49033;

        /// <summary>Pusher travel between the end stops when the stored configuration has none.</summary>
        public const int DefaultTravelMicrometres = 100000;

        public const string Technician = "PANEL";

        private const int StepIntro = 0;
        private const int StepTare = 1;
        private const int StepMass = 2;
        private const int StepZero = 3;
        private const int StepSpan = 4;
        private const int StepSave = 5;

        private readonly ServiceContext _context;
        private readonly DeviceConfiguration _candidate = new DeviceConfiguration();
        private int _step;
        private int _zeroCounts;
        private int _massCounts;
        private int _positionZero;
        private string _message = "";

        public PanelCalibration(ServiceContext context)
        {
            _context = context;
        }

        /// <summary>True between the first OK and the end (keys stay with the calibration).</summary>
        public bool Active => _step != StepIntro;

        /// <summary>True while the pusher is being moved to an end stop (jog keys go to the bench page).</summary>
        public bool Positioning => _step == StepZero || _step == StepSpan;

        public void HandleKey(PanelKey key)
        {
            if (key == PanelKey.Back)
            {
                _message = _step == StepIntro ? "" : "NOT SAVED";
                _step = StepIntro;
                return;
            }

            if (key != PanelKey.Ok)
            {
                return;
            }

            int counts;
            switch (_step)
            {
                case StepIntro:
                    _message = _context.ConfigStatus != ConfigProblem.None ? "SET SERIAL FIRST" : "";
                    _step = _message.Length == 0 ? StepTare : StepIntro;
                    break;
                case StepTare:
                    if (Average(true, out counts))
                    {
                        _zeroCounts = counts;
                        _step = StepMass;
                    }

                    break;
                case StepMass:
                    if (Average(true, out counts))
                    {
                        _massCounts = counts;
                        _step = StepZero;
                    }

                    break;
                case StepZero:
                    if (Average(false, out counts))
                    {
                        _positionZero = counts;
                        _step = StepSpan;
                    }

                    break;
                case StepSpan:
                    if (Average(false, out counts))
                    {
                        Prepare(counts);
                    }

                    break;
                case StepSave:
                    Save();
                    break;
            }
        }

        private bool Average(bool force, out int mean)
        {
            mean = 0;
            IRawSensorReadings? raw = _context.Raw;
            long sum = 0;
            for (int i = 0; i < Samples; i++)
            {
                int counts = 0;
                bool ok = raw != null && (force ? raw.TryReadForceCounts(out counts) : raw.TryReadPositionCounts(out counts));
                if (!ok)
                {
                    _message = force ? "LOAD CELL NO ANSWER" : "POSITION NO ANSWER";
                    return false;
                }

                sum += counts;
            }

            mean = (int)(sum / Samples);
            _message = "";
            return true;
        }

        private void Prepare(int positionSpan)
        {
            long utc;
            if (!_context.Hardware.RealTimeClock.TryReadUtcSeconds(out utc))
            {
                _message = "SET THE CLOCK FIRST";
                _step = StepIntro;
                return;
            }

            _candidate.CopyFrom(_context.Config);
            _candidate.ForceZeroCounts = _zeroCounts;
            _candidate.ForceSpanCounts = _massCounts - _zeroCounts;
            _candidate.ForceSpanMilliNewtons = ReferenceMilliNewtons;
            _candidate.PositionZeroCounts = _positionZero;
            _candidate.PositionSpanCounts = positionSpan;
            if (_candidate.PositionSpanMicrometres == 0)
            {
                _candidate.PositionSpanMicrometres = DefaultTravelMicrometres;
            }

            _candidate.CalibrationUtcSeconds = utc;
            _candidate.CalibratedBy = Technician;
            int problem = ConfigurationChecks.CheckStorable(_candidate);
            if (problem != ConfigProblem.None)
            {
                _message = ConfigProblem.PanelText(problem);
                _step = StepIntro;
                return;
            }

            _step = StepSave;
        }

        private void Save()
        {
            int problem = _context.ConfigStore.TryWrite(_candidate);
            _context.Persistence.Log.Append(ServiceEventCodes.ConfigurationWritten,
                problem == ConfigProblem.None ? EventPriority.Info : EventPriority.High, EventCategory.System, problem, 1);
            if (problem == ConfigProblem.None)
            {
                _context.Config.CopyFrom(_candidate);
                _context.ConfigStatus = ConfigProblem.None;
                _message = "CALIBRATION SAVED";
            }
            else
            {
                _message = "SAVE FAILED";
            }

            _step = StepIntro;
        }

        /// <summary>Rows 1 to 3 of the calibration page.</summary>
        public void Render(ScreenBuffer s)
        {
            switch (_step)
            {
                case StepTare:
                    s.Put(1, 0, "1/4 REMOVE ALL LOAD");
                    PutRaw(s, true);
                    s.Put(3, 0, "OK=READ BACK=CANCEL");
                    return;
                case StepMass:
                    s.Put(1, 0, "2/4 HANG 5 KG MASS");
                    PutRaw(s, true);
                    s.Put(3, 0, "OK=READ BACK=CANCEL");
                    return;
                case StepZero:
                    s.Put(1, 0, "3/4 JOG TO ZERO END");
                    PutRaw(s, false);
                    s.Put(3, 0, "UP/DN JOG OK=READ");
                    return;
                case StepSpan:
                    s.Put(1, 0, "4/4 JOG TO FWD END");
                    PutRaw(s, false);
                    s.Put(3, 0, "UP/DN JOG OK=READ");
                    return;
                case StepSave:
                    int c = s.Put(1, 0, "SPAN ");
                    s.PutInteger(1, c, _candidate.ForceSpanCounts);
                    c = s.Put(2, 0, "POS ");
                    c = s.PutInteger(2, c, _candidate.PositionZeroCounts);
                    c = s.Put(2, c, "..");
                    s.PutInteger(2, c, _candidate.PositionSpanCounts);
                    s.Put(3, 0, "OK=SAVE BACK=DISCARD");
                    return;
                default:
                    s.Put(1, 0, "CALIBRATE ON PANEL");
                    s.Put(2, 0, _message.Length > 0 ? _message : "OK=START");
                    s.Put(3, 0, "UP/DOWN=PAGE");
                    return;
            }
        }

        private void PutRaw(ScreenBuffer s, bool force)
        {
            IRawSensorReadings? raw = _context.Raw;
            int counts = 0;
            bool ok = raw != null && (force ? raw.TryReadForceCounts(out counts) : raw.TryReadPositionCounts(out counts));
            int c = s.Put(2, 0, force ? "RAW F " : "RAW P ");
            if (ok)
            {
                s.PutInteger(2, c, counts);
            }
            else
            {
                s.Put(2, c, _message.Length > 0 ? _message : "--");
            }
        }
    }
}
