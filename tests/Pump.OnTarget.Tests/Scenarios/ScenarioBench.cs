using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Link;
using Pump.Hal;

namespace Pump.OnTarget.Scenarios
{
    /// <summary>
    /// One pump on bench hardware, nano-compatible: pulses move the plunger (3200 microsteps per mm), an
    /// occlusion raises the force with forward pulses, a virtual monitor sends a frame every second. Every
    /// change of state is written as a trace line, so two runtimes can be compared line by line.
    /// </summary>
    internal sealed class ScenarioBench
    {
        public const uint MonitorId = 0x4D4F4E31;
        public const long TickUs = PumpController.TickPeriodMs * 1000L;
        private const long EmptyPositionUm = 120000;
        private readonly ILineSink _sink;
        private readonly byte[] _frame = new byte[MonitorFrameFormat.MaxFrameLength];
        private readonly HmacSha256 _senderMac = new HmacSha256();
        private readonly VitalSigns _sent = new VitalSigns();
        private readonly long _startPositionUm;
        private readonly long _utcAtStartS;
        private long _lastCounted;
        private long _nextFrameUs;
        private uint _sequence;
        private long _lastNibpUs = -1;
        private int _nibpReading;
        private readonly PumpSettings _settings;
        private readonly DrugLibrary _library;
        private PumpState _tracedState = (PumpState)(-1);

        /// <summary>The bench hardware; the pump itself comes with <see cref="PowerUp"/> (so its heap can be measured alone).</summary>
        public ScenarioBench(ILineSink sink, BenchStore store, long startUs, long startPositionUm, long utcSeconds)
        {
            _sink = sink;
            Store = store;
            Clock.NowUs = startUs;
            _startPositionUm = startPositionUm;
            _utcAtStartS = utcSeconds;
            Rtc.UtcSeconds = utcSeconds;
            Sensors.PositionUm = startPositionUm;
            Hardware = new PumpHardware(Clock, Steps, Steps, Driver, Sensors, Sensors, Sensors, Link, Display, Keypad, Annunciator, Store, Watchdog, Rtc);
            _settings = new PumpSettings();
            _settings.PairedMonitorId = MonitorId;
            // Link v2: the bench monitor tags its frames with the key the pump is paired with.
            byte[] key = LinkKey();
            _settings.MonitorLink.Pair(MonitorId, key, 0, key.Length);
            _senderMac.SetKey(key, 0, key.Length);
            _settings.EmptyPositionUm = (int)EmptyPositionUm;
            _library = ShippedLibrary.Build();
            Vitals = Typical(128, 80);
        }

        /// <summary>Builds the pump's controller on this hardware, as the firmware's Main does after the self-test.</summary>
        public void PowerUp()
        {
            Controller = new PumpController(Hardware, _settings, _library);
        }

        /// <summary>The bench's fixed 32-byte monitor-link key (a test key, never a unit's).</summary>
        private static byte[] LinkKey()
        {
            byte[] key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(0x5A ^ i);
            }

            return key;
        }

        /// <summary>Pusher position with a full 60 mL syringe (about 108 mm of travel left).</summary>
        public static long FullSyringePositionUm { get { return EmptyPositionUm - 60L * 1000000L / 556L; } }

        public readonly BenchClock Clock = new BenchClock();
        public readonly BenchSteps Steps = new BenchSteps();
        public readonly BenchDriver Driver = new BenchDriver();
        public readonly BenchSensors Sensors = new BenchSensors();
        public readonly BenchLink Link = new BenchLink();
        public readonly BenchDisplay Display = new BenchDisplay();
        public readonly BenchKeypad Keypad = new BenchKeypad();
        public readonly BenchAnnunciator Annunciator = new BenchAnnunciator();
        public readonly BenchWatchdog Watchdog = new BenchWatchdog();
        public readonly BenchRtc Rtc = new BenchRtc();
        public readonly BenchStore Store;
        public readonly PumpHardware Hardware;
        public PumpController Controller = null!;

        /// <summary>What the virtual monitor reports; null = the monitor is silent.</summary>
        public VitalSigns? Vitals;

        public bool Occluded;

        /// <summary>Pulses that moved the plunger forward minus back (what the patient got, primes included).</summary>
        public long MechanicalMicrosteps;

        public PumpState State { get { return Controller.State; } }

        public static VitalSigns Typical(int systolicMmHg, int diastolicMmHg)
        {
            VitalSigns v = new VitalSigns();
            v.HeartRateBpm = 72;
            v.Spo2Percent = 97;
            v.RespiratoryRatePerMin = 14;
            v.SystolicMmHg = systolicMmHg;
            v.DiastolicMmHg = diastolicMmHg;
            v.MeanMmHg = (systolicMmHg + 2 * diastolicMmHg) / 3;
            v.AvailableFlags = VitalSigns.AvailHeartRate | VitalSigns.AvailSpo2 | VitalSigns.AvailRespiratoryRate | VitalSigns.AvailNibp;
            return v;
        }

        /// <summary>True when the last step's monitor sent a frame.</summary>
        public bool FrameSent;

        public void Step()
        {
            StepWithoutTick();
            Controller.Tick();
            AfterTick();
        }

        /// <summary>Moves time, the mechanism and the monitor by one period; the caller then ticks the controller and calls <see cref="AfterTick"/>.</summary>
        public void StepWithoutTick()
        {
            Clock.NowUs += TickUs;
            Rtc.UtcSeconds = _utcAtStartS + Clock.NowUs / 1000000L;
            Physics();
            Monitor();
        }

        public void AfterTick()
        {
            if (Controller.State != _tracedState)
            {
                _tracedState = Controller.State;
                Trace("state");
            }
        }

        public void RunTicks(long ticks)
        {
            for (long i = 0; i < ticks; i++)
            {
                Step();
            }
        }

        public void RunSeconds(long seconds)
        {
            RunTicks(seconds * 1000000L / TickUs);
        }

        /// <summary>Runs until the state is reached or the time passes; returns whether it was reached.</summary>
        public bool RunUntilState(PumpState state, long maxSeconds)
        {
            long ticks = maxSeconds * 1000000L / TickUs;
            for (long i = 0; i < ticks; i++)
            {
                Step();
                if (Controller.State == state)
                {
                    return true;
                }
            }

            return false;
        }

        public void Press(PanelKey key)
        {
            Keypad.Press(key);
            Step();
        }

        /// <summary>Enters a number digit by digit on the panel's editor, then confirms it.</summary>
        public void EnterDigits(string digits)
        {
            // A shown value equal to the digits is accepted with OK; otherwise Up opens the editor, Back walks to
            // the first digit, each digit is set and OK moves on; OK on the last digit commits (PNL-400, PNL-002).
            long value = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                value = (value * 10) + (digits[i] - '0');
            }

            if (!Controller.Panel.Editor.Editing && Controller.Panel.Editor.Value == value)
            {
                Press(PanelKey.Ok);
                return;
            }

            if (!Controller.Panel.Editor.Editing)
            {
                Press(PanelKey.Up);
            }

            while (Controller.Panel.Editor.Cursor > 0)
            {
                Press(PanelKey.Back);
            }

            for (int i = 0; i < digits.Length; i++)
            {
                int want = digits[i] - '0';
                int have = Controller.Panel.Editor.DigitAt(i);
                int ups = (want - have + 10) % 10;
                for (int u = 0; u < ups; u++)
                {
                    Press(PanelKey.Up);
                }

                Press(PanelKey.Ok);
            }
        }

        /// <summary>Writes the time, state, dose and outputs as one line.</summary>
        public void Trace(string label)
        {
            _sink.Line(label + " t=" + (Clock.NowUs / 1000L).ToString() + "ms " + PumpStates.Name(Controller.State)
                + " nl=" + Controller.DeliveredVolumeNl().ToString()
                + " ug=" + Controller.DeliveredDoseUg().ToString()
                + " counted=" + Steps.Counted.ToString()
                + " moved=" + MechanicalMicrosteps.ToString()
                + " motor=" + (Driver.IsEnabled ? "1" : "0")
                + " sound=" + ((int)Annunciator.Sound).ToString()
                + " light=" + ((int)Annunciator.Light).ToString());
        }

        /// <summary>Writes the four display rows and the last refusal.</summary>
        public void Screen(string label)
        {
            _sink.Line(label + " screen");
            for (int row = 0; row < 4; row++)
            {
                _sink.Line("  |" + Display.Row(row) + "|");
            }

            _sink.Line("  rejection=" + Controller.LastRejection);
        }

        public void NewNibpReading()
        {
            _lastNibpUs = -1;
        }

        private void Physics()
        {
            Steps.AdvanceTo(Clock.NowUs);
            long delta = Steps.Counted - _lastCounted;
            _lastCounted = Steps.Counted;
            if (delta <= 0)
            {
                return;
            }

            int sign = Driver.Direction == MotorDirection.Forward ? 1 : -1;
            MechanicalMicrosteps += delta * sign;
            Sensors.PositionUm = _startPositionUm + MechanicalMicrosteps * 1000L / 3200L;
            if (Occluded || sign < 0)
            {
                int force = Sensors.ForceMilliNewtons + (int)(sign * delta * 30L);
                Sensors.ForceMilliNewtons = force < 6000 ? 6000 : force;
            }
        }

        private void Monitor()
        {
            if (Clock.NowUs < _nextFrameUs)
            {
                FrameSent = false;
                return;
            }

            _nextFrameUs = Clock.NowUs + 1000000L;
            FrameSent = false;
            if (Vitals == null)
            {
                return;
            }

            if (_lastNibpUs < 0 || Clock.NowUs - _lastNibpUs >= 300000000L)
            {
                _lastNibpUs = Clock.NowUs;
                _nibpReading++;
            }

            _sent.CopyFrom(Vitals);
            _sent.MonitorId = MonitorId;
            _sent.Boot = 1;
            _sent.SourceId = 0x00A0C0FFEE000001UL;
            _sent.SetBedLabel("BENCH BED 1");
            _sent.Sequence = ++_sequence;
            _sent.NibpAgeS = (int)((Clock.NowUs - _lastNibpUs) / 1000000L);
            _sent.NibpReadingNumber = _nibpReading;
            int n = MonitorFrameEncoder.EncodeVitals(_sent, _senderMac, _frame, 0);
            Link.Send(_frame, n);
            FrameSent = true;
        }
    }
}
