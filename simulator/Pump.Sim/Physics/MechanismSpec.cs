namespace Pump.Sim.Physics
{
    /// <summary>
    /// The drive train: stepper, microstepping and lead screw [P: the dosing work's mechanism constants
    /// must match these, since the firmware's microsteps-per-mL is computed from the same geometry].
    /// </summary>
    public sealed class MechanismSpec
    {
        public int FullStepsPerRevolution { get; init; } = 200;

        public int Microstepping { get; init; } = 16;

        /// <summary>Lead of the screw: plunger travel per revolution, µm.</summary>
        public int LeadMicrometres { get; init; } = 1000;

        /// <summary>Force above which the motor skips (stall torque through the screw), mN.</summary>
        public int StallForceMilliNewtons { get; init; } = 150_000;

        public int MicrostepsPerRevolution => FullStepsPerRevolution * Microstepping;

        public double MicrometresPerMicrostep => (double)LeadMicrometres / MicrostepsPerRevolution;

        public static MechanismSpec Default { get; } = new MechanismSpec();
    }
}
