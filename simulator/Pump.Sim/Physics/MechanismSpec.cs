namespace Pump.Sim.Physics
{
    /// <summary>
    /// The drive train: stepper, microstepping and lead screw. Defaults are the core's reference build
    /// (Pump.Core.Units.Mechanism.Reference: 1 mm lead, 200 full steps, 16 microsteps).
    /// </summary>
    public sealed class MechanismSpec
    {
        public int FullStepsPerRevolution { get; init; } = Pump.Core.Units.Mechanism.Reference.FullStepsPerRev;

        public int Microstepping { get; init; } = Pump.Core.Units.Mechanism.Reference.Microstepping;

        /// <summary>Lead of the screw: plunger travel per revolution, µm.</summary>
        public int LeadMicrometres { get; init; } = Pump.Core.Units.Mechanism.Reference.LeadUm;

        /// <summary>Force above which the motor skips (stall torque through the screw), mN [P].</summary>
        public int StallForceMilliNewtons { get; init; } = 150_000;

        public int MicrostepsPerRevolution => FullStepsPerRevolution * Microstepping;

        public double MicrometresPerMicrostep => (double)LeadMicrometres / MicrostepsPerRevolution;

        public static MechanismSpec Default { get; } = new MechanismSpec();
    }
}
