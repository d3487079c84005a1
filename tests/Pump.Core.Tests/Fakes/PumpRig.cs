using System;
using Pump.Core.Control;
using Pump.Core.Link;
using Pump.Core.Panel;
using Pump.Hal;

namespace Pump.Core.Tests.Fakes
{
    /// <summary>
    /// A whole pump on fake hardware with a tiny mechanical model: pulses move the plunger
    /// (3200 microsteps per mm, the reference mechanism), an occlusion makes force rise with forward
    /// pulses and fall with reverse ones. A virtual monitor sends a frame every second. Time moves only
    /// through <see cref="Run"/> and <see cref="Step"/>.
    /// </summary>
    internal sealed class PumpRig
    {
        public const uint MonitorId = 0x4D4F4E31;
        public const long TickUs = PumpController.TickPeriodMs * 1000L;
        private readonly byte[] _frame = new byte[MonitorFrameFormat.MaxFrameLength];
        private long _lastCounted;
        private long _nextFrameUs;
        private uint _sequence;
        private long _lastNibpUs = -1;
        private long _nibpReading;

        /// <param name="keyFromStore">Pair as the device does: from the stored key record (written with the test key when
        /// the store has none), with the persisted replay floor; otherwise paired in RAM only.</param>
        public PumpRig(FakeStore? store = null, long startUs = 1_000_000, Pump.Core.Library.DrugLibrary? library = null, bool keyFromStore = false)
        {
            Clock.NowUs = startUs;
            Store = store ?? new FakeStore();
            Hardware = new PumpHardware(Clock, Steps, Steps, Driver, Sensors, Sensors, Sensors, Link, Display, Keypad, Annunciator, Store, Watchdog, Rtc);
            Settings = new PumpSettings { PairedMonitorId = MonitorId, EmptyPositionUm = 120_000 };
            Settings.MonitorLink.Pair(MonitorId, TestLinkKey.Key, 0, TestLinkKey.Key.Length);
            if (keyFromStore)
            {
                var record = new Pump.Core.Configuration.LinkKeyRecord(Store);
                if (record.TryLoad(new LinkKeyStore()) == Pump.Core.Configuration.LinkKeyProblem.NoKey)
                {
                    record.TryWrite(Store, MonitorId, TestLinkKey.Key, 0, TestLinkKey.Key.Length, Settings.MonitorLink.KeyCheck);
                }

                Pump.Core.Configuration.LinkPairingLoader.LoadAndApply(Store, Settings);
            }

            Controller = new PumpController(Hardware, Settings, library ?? Pump.Core.Library.ShippedLibrary.Build());
            Sensors.PositionUm = StartPositionUm;
        }

        /// <summary>Pusher position with a full 60 mL syringe loaded (about 108 mm of travel left).</summary>
        public long StartPositionUm { get; set; } = 120_000 - 60 * 1_000_000 / 556;

        public ManualClock Clock { get; } = new();
        public IdealStepHardware Steps { get; } = new();
        public FakeDriver Driver { get; } = new();
        public FakeSensors Sensors { get; } = new();
        public FakeLink Link { get; } = new();
        public FakeDisplay Display { get; } = new();
        public FakeKeypad Keypad { get; } = new();
        public RecordingAnnunciator Annunciator { get; } = new();
        public FakeStore Store { get; }
        public FakeWatchdog Watchdog { get; } = new();
        public FakeRtc Rtc { get; } = new();
        public PumpHardware Hardware { get; }
        public PumpSettings Settings { get; }
        public PumpController Controller { get; }

        /// <summary>Vitals the virtual monitor reports (null = monitor silent).</summary>
        public VitalSigns? Vitals { get; set; } = Typical();

        public bool Occluded { get; set; }
        public int OcclusionMilliNewtonsPerMicrostep { get; set; } = 30;
        public bool PulsesWithoutMotion { get; set; }

        /// <summary>Plunger motion without any pulse (a slipping or back-driven mechanism), µm per second.</summary>
        public long DriftUmPerSecond { get; set; }

        private long _driftUm;
        public uint SendAsMonitor { get; set; } = MonitorId;

        /// <summary>The sender's boot number (a bridge restart raises it and restarts the sequence).</summary>
        public uint SenderBoot { get; set; } = 1;

        /// <summary>The sender's MAC; a forger's has another key.</summary>
        public HmacSha256 SenderMac { get; set; } = TestLinkKey.NewMac();

        /// <summary>When set, a copy of every frame the virtual monitor sends (a wiretap recording them for replay).</summary>
        public System.Collections.Generic.List<byte[]>? SentFrames { get; set; }

        /// <summary>The sender's last sequence number (the next frame carries one more).</summary>
        public uint SenderSequence
        {
            get => _sequence;
            set => _sequence = value;
        }

        /// <summary>The sender restarts: next boot, sequence from 1.</summary>
        public void RestartSender()
        {
            SenderBoot++;
            _sequence = 0;
        }

        /// <summary>Pulses seen while the driver was enabled (what moved the plunger).</summary>
        public long MechanicalMicrosteps { get; private set; }

        public static VitalSigns Typical(int sbp = 128, int dbp = 80, int hr = 72, int spo2 = 97) => new VitalSigns
        {
            HeartRateBpm = hr,
            Spo2Percent = spo2,
            RespiratoryRatePerMin = 14,
            SystolicMmHg = sbp,
            DiastolicMmHg = dbp,
            MeanMmHg = (sbp + 2 * dbp) / 3,
            AvailableFlags = VitalSigns.AvailHeartRate | VitalSigns.AvailSpo2 | VitalSigns.AvailRespiratoryRate | VitalSigns.AvailNibp,
        };

        public PumpState State => Controller.State;

        /// <summary>One control tick: advance the clock, physics, monitor, then the controller.</summary>
        public void Step()
        {
            Clock.NowUs += TickUs;
            Physics();
            Monitor();
            Controller.Tick();
        }

        /// <summary>Advances time, physics and the monitor, but leaves the controller's tick to the caller.</summary>
        public void StepWithoutTick()
        {
            Clock.NowUs += TickUs;
            Physics();
            Monitor();
        }

        public void Run(double seconds)
        {
            long ticks = (long)(seconds * 1_000_000 / TickUs);
            for (long i = 0; i < ticks; i++)
            {
                Step();
            }
        }

        /// <summary>Runs until the condition holds or the time passes; returns whether it held.</summary>
        public bool RunUntil(Func<bool> condition, double maxSeconds)
        {
            long ticks = (long)(maxSeconds * 1_000_000 / TickUs);
            for (long i = 0; i < ticks; i++)
            {
                Step();
                if (condition())
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Presses keys one per tick.</summary>
        public void Press(params PanelKey[] keys)
        {
            foreach (var k in keys)
            {
                Keypad.Press(k);
                Step();
            }
        }

        /// <summary>
        /// Enters a number on the current field as a clinician would: a shown value equal to it is accepted with one
        /// OK; otherwise Up opens the digit editor, Back walks to the first digit, each digit is set with Up and OK
        /// moves on, and OK on the last digit commits. Returns the presses it took.
        /// </summary>
        public int EnterDigits(string digits)
        {
            var editor = Controller.Panel.Editor;
            Assert(editor.DigitCount == digits.Length, $"editor has {editor.DigitCount} digits, not {digits.Length}");
            long value = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            if (!editor.Editing && editor.Value == value)
            {
                Press(PanelKey.Ok);
                return 1;
            }

            int presses = 0;
            if (!editor.Editing)
            {
                Press(PanelKey.Up);
                presses++;
            }

            // Back only as far as the first digit that differs from what is wanted.
            int first = 0;
            while (first < editor.Cursor && editor.DigitAt(first) == digits[first] - '0')
            {
                first++;
            }

            while (editor.Cursor > first)
            {
                Press(PanelKey.Back);
                presses++;
            }

            for (int i = first; i < digits.Length; i++)
            {
                int ups = (digits[i] - '0' - editor.DigitAt(i) + 10) % 10;
                PanelKey key = ups <= 5 ? PanelKey.Up : PanelKey.Down;
                for (int u = 0; u < (ups <= 5 ? ups : 10 - ups); u++)
                {
                    Press(key);
                    presses++;
                }

                Press(PanelKey.Ok);
                presses++;
            }

            return presses;
        }

        /// <summary>On the drug screen: Down until the drug whose name contains <paramref name="namePart"/> is shown, then OK.</summary>
        public void ChooseDrug(string namePart)
        {
            for (int i = 0; i < 16 && !Display.Row(1).Contains(namePart); i++)
            {
                Press(PanelKey.Down);
            }

            Assert(Display.Row(1).Contains(namePart), $"drug '{namePart}' not offered");
            Press(PanelKey.Ok);
            Press(PanelKey.Ok);            // patient: no id
        }

        /// <summary>On review: OK on page 1, then OK on page 2 (accept, or on to the soft limits).</summary>
        public void AcceptReview()
        {
            Press(PanelKey.Ok, PanelKey.Ok);
        }

        /// <summary>Programs ketamine 0.5 mg/kg over 40 min for 70 kg at 1 mg/mL in a BD 60 mL syringe, primes and leaves it Ready.</summary>
        public void ProgramKetamine(string weight = "0700", string dose = "0050", string duration = "040", bool prime = true)
        {
            Run(0.2);
            Press(PanelKey.Ok);            // Idle -> Programming: KETAMINE 1 mg/mL offered first
            Press(PanelKey.Ok);            // -> patient id
            Press(PanelKey.Ok);            // no id -> weight
            EnterField(weight);
            EnterDoseAndDuration(dose, duration);
            AcceptReview();
            if (prime)
            {
                Press(PanelKey.Ok);        // prime
                Run(1);
                Press(PanelKey.Ok);        // primed
            }
        }

        /// <summary>
        /// A plain mL/h program ("NO DRUG", no vital-sign interlock) of the given rate and volume digits on the default
        /// syringe, reviewed and primed: Ready.
        /// </summary>
        public void ProgramPlainRate(string rateDigits, string volumeDigits)
        {
            Run(0.2);
            Press(PanelKey.Ok);            // Idle -> Programming
            ChooseDrug("NO DRUG");
            EnterDigits(rateDigits);
            EnterDigits(volumeDigits);
            Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);   // syringe, review 1/2, 2/2, prime
            Run(1);
            Press(PanelKey.Ok);            // primed
        }

        /// <summary>On the defaults screen (dose, duration, syringe): Down opens the dose screen to change them one by one.</summary>
        public void ChangeDefaults()
        {
            Assert(Controller.Panel.Step == PanelStep.Defaults, $"not on the defaults screen but on {Controller.Panel.Step}");
            Press(PanelKey.Down);
        }

        /// <summary>
        /// Dose and duration after the weight, with the syringe shown (BD 60), as a clinician does: the defaults
        /// screen's one OK when both are the values shown, else Down and each on its own screen. A soft limit flagged
        /// on the way is kept (it is confirmed again at review), and the screens it leads through are accepted as shown.
        /// Ends on review, or on a refusal.
        /// </summary>
        public void EnterDoseAndDuration(string dose, string duration)
        {
            var entries = Controller.Panel.Wizard.Entries;
            if (Controller.Panel.Step == PanelStep.Defaults)
            {
                if (entries.FieldValue(PanelStep.Dose) != long.Parse(dose, System.Globalization.CultureInfo.InvariantCulture)
                    || entries.FieldValue(PanelStep.Duration) != long.Parse(duration, System.Globalization.CultureInfo.InvariantCulture))
                {
                    ChangeDefaults();
                }
                else
                {
                    Press(PanelKey.Ok);
                    for (int i = 0; i < 6 && AcceptsShown(); i++)
                    {
                        Press(PanelKey.Ok);
                    }

                    return;
                }
            }

            EnterField(dose);
            EnterField(duration);
            if (Controller.Panel.Step == PanelStep.Syringe)
            {
                Press(PanelKey.Ok);
            }
        }

        private bool AcceptsShown()
        {
            PanelStep step = Controller.Panel.Step;
            return (step == PanelStep.EntryFinding && Controller.Panel.Wizard.EntryFinding is { IsSoft: true })
                || step == PanelStep.Syringe || ((step == PanelStep.Dose || step == PanelStep.Duration) && !Controller.Panel.Editor.Editing);
        }

        /// <summary>Enters a value and keeps it if the panel flags a soft limit (confirmed again at review).</summary>
        public void EnterField(string digits)
        {
            EnterDigits(digits);
            if (Controller.Panel.Step == PanelStep.EntryFinding && Controller.Panel.Wizard.EntryFinding is { IsSoft: true })
            {
                Press(PanelKey.Ok);
            }
        }

        private void Physics()
        {
            Steps.AdvanceTo(Clock.NowUs);
            if (DriftUmPerSecond != 0)
            {
                _driftUm += DriftUmPerSecond * TickUs / 1_000_000;
                Sensors.PositionUm = StartPositionUm + MechanicalMicrosteps * 1000 / 3200 + _driftUm;
            }

            long counted = Steps.Counted + Steps.RunawayPulses;
            long delta = counted - _lastCounted;
            _lastCounted = counted;
            if (delta <= 0)
            {
                return;
            }

            int sign = Driver.Direction == MotorDirection.Forward ? 1 : -1;
            if (!PulsesWithoutMotion)
            {
                MechanicalMicrosteps += delta * sign;
                Sensors.PositionUm = StartPositionUm + MechanicalMicrosteps * 1000 / 3200 + _driftUm;
            }

            if (Occluded || sign < 0)
            {
                Sensors.ForceMilliNewtons = Math.Max(6_000, Sensors.ForceMilliNewtons + (int)(sign * delta * OcclusionMilliNewtonsPerMicrostep));
            }
        }

        private void Monitor()
        {
            if (Clock.NowUs < _nextFrameUs)
            {
                return;
            }

            _nextFrameUs = Clock.NowUs + 1_000_000;
            if (Vitals == null)
            {
                return;
            }

            if (_lastNibpUs < 0 || Clock.NowUs - _lastNibpUs >= 300_000_000)
            {
                _lastNibpUs = Clock.NowUs;
                _nibpReading++;
            }

            var v = Vitals;
            var copy = new VitalSigns
            {
                MonitorId = SendAsMonitor,
                Sequence = ++_sequence,
                HeartRateBpm = v.HeartRateBpm,
                Spo2Percent = v.Spo2Percent,
                RespiratoryRatePerMin = v.RespiratoryRatePerMin,
                SystolicMmHg = v.SystolicMmHg,
                DiastolicMmHg = v.DiastolicMmHg,
                MeanMmHg = v.MeanMmHg,
                NibpAgeS = (int)((Clock.NowUs - _lastNibpUs) / 1_000_000),
                NibpReadingNumber = (int)_nibpReading,
                AvailableFlags = v.AvailableFlags,
                StatusFlags = v.StatusFlags,
                Boot = SenderBoot,
                SourceId = TestLinkKey.SourceId,
            };
            copy.SetBedLabel(TestLinkKey.BedLabel);
            int n = MonitorFrameEncoder.EncodeVitals(copy, SenderMac, _frame, 0);
            Link.Send(_frame, n);
            SentFrames?.Add(_frame.AsSpan(0, n).ToArray());
        }

        /// <summary>Forces a new NIBP measurement with the next frame (so forced BP values are "fresh readings").</summary>
        public void NewNibpReading()
        {
            _lastNibpUs = -1;
        }

        private static void Assert(bool condition, string message)
        {
            if (!condition)
            {
                throw new InvalidOperationException(message);
            }
        }
    }
}
