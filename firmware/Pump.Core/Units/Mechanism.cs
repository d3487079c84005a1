namespace Pump.Core.Units
{
    /// <summary>
    /// The drive train between the stepper and the plunger: lead-screw lead, full steps per motor
    /// revolution and the driver's microstepping. Ranges are limited so that every calibration
    /// ratio built from it fits the exact conversions in <see cref="SyringeCalibration"/>.
    /// The reference build (hardware-docs/syringes.md): 1 mm lead, 200 full steps, 16 microsteps,
    /// so 3200 microsteps per revolution and 3.2 microsteps per µm of plunger travel.
    /// </summary>
    public sealed class Mechanism
    {
        public const int MinLeadUm = 100;
        public const int MaxLeadUm = 20000;
        public const int MaxFullStepsPerRev = 400;
        public const int MaxMicrostepping = 256;

        /// <summary>Cap on microsteps per revolution (200 x 64): keeps the per-mL ratio in a long.</summary>
        public const int MaxMicrostepsPerRev = 12800;

        /// <summary>The reference build: 1000 µm lead, 200 full steps, 16 microsteps.</summary>
        public static readonly Mechanism Reference = new Mechanism(1000, 200, 16);

        /// <summary>Plunger advance per screw revolution.</summary>
        public readonly int LeadUm;

        public readonly int FullStepsPerRev;

        public readonly int Microstepping;

        private Mechanism(int leadUm, int fullStepsPerRev, int microstepping)
        {
            LeadUm = leadUm;
            FullStepsPerRev = fullStepsPerRev;
            Microstepping = microstepping;
        }

        /// <summary>Microsteps for one screw revolution.</summary>
        public int MicrostepsPerRev
        {
            get { return FullStepsPerRev * Microstepping; }
        }

        /// <summary>True if the three values describe a mechanism the conversions support.</summary>
        public static bool IsValid(int leadUm, int fullStepsPerRev, int microstepping)
        {
            return leadUm >= MinLeadUm && leadUm <= MaxLeadUm
                && fullStepsPerRev >= 1 && fullStepsPerRev <= MaxFullStepsPerRev
                && microstepping >= 1 && microstepping <= MaxMicrostepping
                && fullStepsPerRev * microstepping <= MaxMicrostepsPerRev;
        }

        /// <summary>Builds a mechanism, or returns false (mechanism null) if a value is out of range.</summary>
        public static bool TryCreate(int leadUm, int fullStepsPerRev, int microstepping, out Mechanism? mechanism)
        {
            mechanism = IsValid(leadUm, fullStepsPerRev, microstepping)
                ? new Mechanism(leadUm, fullStepsPerRev, microstepping)
                : null;
            return mechanism != null;
        }
    }
}
