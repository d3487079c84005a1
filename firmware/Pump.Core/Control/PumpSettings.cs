using Pump.Core.Supervision;
using Pump.Core.Units;

namespace Pump.Core.Control
{
    /// <summary>
    /// Device settings chosen by the biomedical engineer (hardware-docs/calibration.md). Every value is
    /// a named parameter with a documented default; none can loosen a drug-library hard limit.
    /// </summary>
    public sealed class PumpSettings
    {
        /// <summary>Lead screw and stepper of this build.</summary>
        public Mechanism Mechanism = Mechanism.Reference;

        /// <summary>Occlusion pressure level.</summary>
        public OcclusionLevel OcclusionLevel = OcclusionLevel.Medium;

        /// <summary>Near-empty alarm lead time (TEC-002): syringe contents lasting less than this at the current rate.</summary>
        public int NearEmptyLeadS = 300;

        /// <summary>Near-empty hysteresis (TEC-014): once raised, it clears only when the contents are this much plunger
        /// travel above the lead again (about 0.28 mL in a 60 mL syringe; position noise is tens of µm).</summary>
        public int NearEmptyHysteresisUm = 500;

        /// <summary>Callback reminder when paused, held or in alarm for this long (TEC-008).</summary>
        public int CallbackPausedS = 120;

        /// <summary>Callback reminder when programming or ready is left without a key press this long (TEC-008).</summary>
        public int CallbackProgrammingS = 60;

        /// <summary>The commissioned monitor (stored configuration, shown before start; 0 = none).</summary>
        public uint PairedMonitorId;

        /// <summary>
        /// The monitor-link pairing that authenticates frames: the paired sender's id and its secret key. A drug
        /// needing vitals starts only when it is paired with <see cref="PairedMonitorId"/>. Loaded from the store at
        /// power-up (Configuration.LinkPairingLoader); the simulator and tests may call Pair.
        /// </summary>
        public readonly Link.LinkKeyStore MonitorLink = new Link.LinkKeyStore();

        /// <summary>Pressure-relief back-off after an occlusion, at most this volume (TEC-001).</summary>
        public long ReliefMaxNl = 500000;

        /// <summary>Back-off stops once the pressure is below this.</summary>
        public int ReliefTargetMmHg = 50;

        /// <summary>Priming rate and the most a single prime may move.</summary>
        public long PrimeRateNlPerH = 300000000;
        public long PrimeMaxNl = 2000000;

        /// <summary>
        /// Fastest step rate the mechanism and its generator support (PRG-011); must match the port's
        /// minimum step interval (ESP32: StepTiming.MinStepIntervalUs = 200 µs → 5000 microsteps/s).
        /// </summary>
        public long MaxMicrostepsPerSecond = 5000;

        /// <summary>
        /// Why the unit's stored configuration cannot be used (Configuration.ConfigProblem; 0 = usable). Set by
        /// Configuration.ConfigurationApplier; anything else refuses priming and starting, saying why (CFG-003).
        /// </summary>
        public int ConfigurationProblem;

        /// <summary>
        /// Why the stored monitor-link key cannot be used (Configuration.LinkKeyProblem; 0 = paired, or paired by the
        /// caller in RAM). Set by Configuration.LinkPairingLoader; the refusal to start a drug needing vitals names it (LNK-017).
        /// </summary>
        public int LinkKeyProblem;

        /// <summary>Position of the plunger pusher (µm from fully withdrawn) at which a syringe is empty.</summary>
        public int EmptyPositionUm = 120000;
    }
}
