using System;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Link;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Core.Supervision;
using Pump.Hal;
using Pump.Sim.Hardware;
using Pump.Sim.Physics;

namespace Pump.Evidence.Accuracy
{
    /// <summary>
    /// A test bench for IEC 60601-2-24 style measurements: the real <see cref="PumpController"/> on the
    /// simulator's virtual hardware (<see cref="VirtualPump"/>: step generator with 1 µs timer quantization,
    /// mechanism, line compliance and resistance, force sensor with noise), programmed through its panel
    /// keys like a clinician, with a steady in-range patient monitor on the link, and a virtual balance on
    /// the line output. Time moves only through <see cref="Step"/> (lockstep, 50 ms ticks).
    /// </summary>
    public sealed class BenchRig
    {
        public const uint MonitorId = 0x4D4F4E31;
        public const long TickUs = PumpController.TickPeriodMs * 1000L;

        private readonly byte[] _frame = new byte[MonitorFrameFormat.MaxFrameLength];
        private readonly BenchBalance _balance;
        private long _nextFrameUs;
        private long _lastNibpUs = -1;
        private int _nibpReading;
        private uint _sequence;
        private static readonly global::Pump.Sim.Monitor.MonitorPairing Pairing = global::Pump.Sim.Monitor.MonitorPairing.Simulated(MonitorId);
        private readonly HmacSha256 _mac;

        public BenchRig(string syringeId, int seed, OcclusionLevel level, BenchBalance? balance = null)
        {
            if (!SyringeCatalog.TryGet(syringeId, out SyringeSpec syringe))
            {
                throw new ArgumentException("unknown syringe " + syringeId, nameof(syringeId));
            }
            Syringe = syringe;
            _mac = Pairing.NewMac();
            Pump = new VirtualPump(syringe, syringe.NominalMl, seed);
            Settings = new PumpSettings
            {
                // Where the virtual mechanism's barrel is empty (a full syringe starts one stroke before it).
                EmptyPositionUm = (int)global::Pump.Sim.Physics.Mechanism.DefaultEmptyPositionMicrometres,
                OcclusionLevel = level,
            };
            Settings.PairedMonitorId = MonitorId;
            Pairing.PairPump(Settings.MonitorLink);
            // A store of exactly the size the persistence layout needs (the first virtual pump's store was
            // smaller and the controller rightly failed its self-test on it).
            Store = new SimNonVolatileStore(Pump.Power, StoreLayout.RequiredCapacityBytes);
            Hardware = new PumpHardware(Pump.Clock, Pump.StepGenerator, Pump.StepCounter, Pump.MotorDriver, Pump.ForceSensor,
                Pump.PlungerPosition, Pump.Clamp, Pump.MonitorLink, Pump.Display, Pump.Keypad, Pump.Annunciator, Store,
                Pump.Watchdog, Pump.RealTimeClock);
            Controller = new PumpController(Hardware, Settings, ShippedLibrary.Build());
            _balance = balance ?? new BenchBalance(seed);
        }

        public SyringeSpec Syringe { get; }
        public VirtualPump Pump { get; }
        public PumpSettings Settings { get; }
        public SimNonVolatileStore Store { get; }
        public PumpHardware Hardware { get; }
        public PumpController Controller { get; private set; }

        /// <summary>What the virtual monitor reports (SBP, DBP, HR, SpO2); null = the monitor sends nothing.</summary>
        public (int Sbp, int Dbp, int Hr, int Spo2)? Vitals { get; set; } = (128, 80, 72, 97);

        /// <summary>Power-up count (1 at construction).</summary>
        public int Boots { get; private set; } = 1;
        public long NowUs { get; private set; }
        public PumpState State => Controller.State;

        /// <summary>One control tick: physics over the period, the monitor's frame, then the controller.</summary>
        public void Step()
        {
            NowUs += TickUs;
            Pump.AdvanceTo(NowUs);
            SendVitals();
            Controller.Tick();
        }

        public void Run(double seconds)
        {
            long ticks = (long)Math.Round(seconds * 1_000_000 / TickUs);
            for (long i = 0; i < ticks; i++)
            {
                Step();
            }
        }

        public bool RunUntil(Func<bool> condition, double maxSeconds)
        {
            long ticks = (long)Math.Round(maxSeconds * 1_000_000 / TickUs);
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

        public void Press(params PanelKey[] keys)
        {
            foreach (PanelKey key in keys)
            {
                Pump.Keypad.Press(key);
                Step();
            }
        }

        /// <summary>What the balance under the line reads now, nL (water: 1 mg = 1 µL).</summary>
        public long BalanceReadingNl() => _balance.Read(Pump);

        /// <summary>
        /// Programs ketamine (ShippedLibrary "KETAMINE PSYCH 40min") with the given concentration (1 or 2 mg/mL),
        /// weight, dose and duration in a BD 60 mL syringe, confirms any soft-limit findings, primes the line and
        /// leaves the pump Ready. Values are given as the panel's digits (weight 0.1 kg, dose 0.01 mg/kg, minutes).
        /// </summary>
        public void ProgramKetamine(int concentrationMgPerMl, string weightDigits, string doseDigits, string durationDigits)
        {
            PowerUp();
            Press(PanelKey.Ok);   // Idle -> Programming: KETAMINE 1 mg/mL offered first
            if (concentrationMgPerMl == 2)
            {
                Press(PanelKey.Down);
            }
            Press(PanelKey.Ok);   // -> patient id
            Press(PanelKey.Ok);   // no id -> weight
            EnterDigits(weightDigits);
            if (Controller.Panel.Step == PanelStep.Defaults)
            {
                Press(PanelKey.Down);   // the dose and duration screens, where each value is entered
            }
            EnterDigits(doseDigits);
            EnterDigits(durationDigits);
            AcceptAndPrime();
        }

        /// <summary>Programs the plain mL/h profile ("NO DRUG"): rate in 0.1 mL/h digits, volume in 0.1 mL digits.</summary>
        public void ProgramPlainRate(string rateDigits, string volumeDigits)
        {
            PowerUp();
            Press(PanelKey.Ok);   // Idle -> Programming, KETAMINE first
            Press(PanelKey.Up);   // back to NO DRUG
            Press(PanelKey.Ok);   // -> patient id
            Press(PanelKey.Ok);   // no id -> rate
            EnterDigits(rateDigits);
            EnterDigits(volumeDigits);
            AcceptAndPrime();
        }

        private void PowerUp()
        {
            Run(0.5);
            if (State != PumpState.Idle)
            {
                throw new InvalidOperationException($"power-up ended in {State} (alarm {Controller.Alarms.Highest}, watchdog armed {Pump.Watchdog.IsArmed}, "
                    + $"display healthy {Pump.Display.IsHealthy}, driver faulted {Pump.MotorDriver.IsFaulted})");
            }
        }

        private void AcceptAndPrime()
        {
            Press(PanelKey.Ok);   // BD 60 (first syringe) -> review
            // Review, then each soft-limit finding and its confirmation, until the program is Ready.
            for (int i = 0; i < 20 && State == PumpState.Programming; i++)
            {
                Press(PanelKey.Ok);
            }
            if (State != PumpState.Ready)
            {
                throw new InvalidOperationException($"programming did not reach Ready: {State}, {Controller.LastRejection}");
            }
            Press(PanelKey.Ok);   // prime
            Run(2);
            Press(PanelKey.Ok);   // primed
            if (State != PumpState.Ready || !Controller.LinePrimed)
            {
                throw new InvalidOperationException($"priming did not finish: {State}");
            }
            Run(2);
        }

        /// <summary>Starts the infusion; throws with the panel's reason if the pump refuses.</summary>
        public void Start()
        {
            Press(PanelKey.Start);
            if (State != PumpState.Infusing)
            {
                string shortfall = Controller.Commands.StartShortfall(out long loadedNl, out long programNl)
                    ? $" (too little drug: {loadedNl} nL loaded for {programNl} nL)" : "";
                throw new InvalidOperationException($"start refused: {State}, {Controller.LastRejection}{shortfall}");
            }
        }

        /// <summary>
        /// A value as a clinician enters it: a shown value equal to it is accepted with OK; otherwise Up opens the
        /// editor, Back walks to the first digit, each digit is set and OK moves on (OK on the last commits). A soft
        /// limit flagged at entry is kept (it is confirmed again at review).
        /// </summary>
        private void EnterDigits(string digits)
        {
            var editor = Controller.Panel.Editor;
            if (editor.DigitCount != digits.Length)
            {
                throw new InvalidOperationException($"editor has {editor.DigitCount} digits, not {digits.Length}");
            }
            long value = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            if (editor.Editing || editor.Value != value)
            {
                if (!editor.Editing)
                {
                    Press(PanelKey.Up);
                }
                while (editor.Cursor > 0)
                {
                    Press(PanelKey.Back);
                }
                for (int i = 0; i < digits.Length; i++)
                {
                    int ups = ((digits[i] - '0') - editor.DigitAt(i) + 10) % 10;
                    for (int u = 0; u < ups; u++)
                    {
                        Press(PanelKey.Up);
                    }
                    Press(PanelKey.Ok);
                }
            }
            else
            {
                Press(PanelKey.Ok);
            }
            var finding = Controller.Panel.Wizard.EntryFinding;
            if (Controller.Panel.Step == PanelStep.EntryFinding && finding != null)
            {
                if (!finding.IsSoft)
                {
                    throw new InvalidOperationException("refused at entry: " + finding.ToLongString());
                }
                Press(PanelKey.Ok);
            }
        }

        /// <summary>The next frame carries a new NIBP reading (so changed pressures count as fresh).</summary>
        public void NewNibpReading() => _lastNibpUs = -1;

        /// <summary>
        /// Power loss between two ticks: the supply is cut (the generator stops, the driver drops), time passes
        /// with the physics running, the supply returns and a fresh controller boots on the same store.
        /// </summary>
        public void PowerCycle(double offSeconds)
        {
            Pump.Power.Cut();
            long until = NowUs + (long)(offSeconds * 1_000_000);
            while (NowUs < until)
            {
                NowUs += TickUs;
                Pump.AdvanceTo(NowUs);
            }
            Pump.Power.Restore();
            Controller = new PumpController(Hardware, Settings, ShippedLibrary.Build());
            Boots++;
        }

        /// <summary>A steady, in-range patient: one frame a second, a fresh NIBP every 5 minutes.</summary>
        private void SendVitals()
        {
            if (NowUs < _nextFrameUs)
            {
                return;
            }
            _nextFrameUs = NowUs + 1_000_000;
            if (_lastNibpUs < 0 || NowUs - _lastNibpUs >= 300_000_000)
            {
                _lastNibpUs = NowUs;
                _nibpReading++;
            }
            if (Vitals == null)
            {
                return;
            }
            var (sbp, dbp, hr, spo2) = Vitals.Value;
            var vitals = new VitalSigns
            {
                MonitorId = MonitorId,
                Boot = 1,
                Sequence = ++_sequence,
                SourceId = 1,
                HeartRateBpm = hr,
                Spo2Percent = spo2,
                RespiratoryRatePerMin = 14,
                SystolicMmHg = sbp,
                DiastolicMmHg = dbp,
                MeanMmHg = (sbp + (2 * dbp)) / 3,
                NibpAgeS = (int)((NowUs - _lastNibpUs) / 1_000_000),
                NibpReadingNumber = _nibpReading,
                AvailableFlags = VitalSigns.AvailHeartRate | VitalSigns.AvailSpo2 | VitalSigns.AvailRespiratoryRate | VitalSigns.AvailNibp,
            };
            vitals.SetBedLabel("BENCH");
            int n = MonitorFrameEncoder.EncodeVitals(vitals, _mac, _frame, 0);
            Pump.MonitorLink.Write(_frame, 0, n);
        }
    }

    /// <summary>
    /// The virtual balance, and the mechanical errors the simulator's ideal drive train does not have, as
    /// documented bench parameters [P] (hardware-docs/performance.md):
    /// - lead-screw periodic error: the plunger is ahead or behind its nominal position by up to
    ///   <see cref="LeadErrorAmplitudeUm"/>, once per screw revolution;
    /// - microstep non-linearity: up to <see cref="MicrostepErrorAmplitudeUm"/>, period four full steps;
    /// - balance: reads to <see cref="ResolutionNl"/> (0.01 mg) with Gaussian noise of <see cref="NoiseSdNl"/>.
    /// Position errors are periodic, so they move volume between samples but never accumulate.
    /// </summary>
    public sealed class BenchBalance
    {
        public double LeadErrorAmplitudeUm { get; init; } = 2.0;
        public double MicrostepErrorAmplitudeUm { get; init; } = 0.5;
        public long ResolutionNl { get; init; } = 10;
        public double NoiseSdNl { get; init; } = 20;

        private readonly Gaussian _noise;

        /// <summary>No mechanical error and an exact balance: what the firmware and the simulator's line do alone.</summary>
        public static BenchBalance Ideal(int seed) => new BenchBalance(seed)
        {
            LeadErrorAmplitudeUm = 0,
            MicrostepErrorAmplitudeUm = 0,
            ResolutionNl = 1,
            NoiseSdNl = 0,
        };

        public BenchBalance(int seed)
        {
            // Not HashCode.Combine: it is randomised per process, and the bench must repeat from its seed.
            _noise = new Gaussian(new Random(unchecked((seed * 7919) + 0xBA1A)));
        }

        public long Read(VirtualPump pump)
        {
            MechanismSpec spec = pump.Mechanism.Spec;
            double travelUm = pump.Mechanism.PositionMicrosteps * spec.MicrometresPerMicrostep;
            double fourFullStepsUm = 4.0 * spec.Microstepping * spec.MicrometresPerMicrostep;
            double errorUm = (LeadErrorAmplitudeUm * Math.Sin(2 * Math.PI * travelUm / spec.LeadMicrometres))
                + (MicrostepErrorAmplitudeUm * Math.Sin(2 * Math.PI * travelUm / fourFullStepsUm));
            double trueNl = pump.Line.DeliveredNanoLitres + (errorUm * pump.Mechanism.Syringe.AreaMm2);
            double reading = trueNl + (_noise.Next() * NoiseSdNl);
            return (long)Math.Round(reading / ResolutionNl) * ResolutionNl;
        }
    }
}
