namespace Pump.Sim.Running
{
    /// <summary>How to run a scenario (command-line overrides).</summary>
    public sealed class RunOptions
    {
        /// <summary>Replaces the scenario's seed.</summary>
        public int? Seed { get; init; }

        /// <summary>Forces a patient drawn from the population (batch runs).</summary>
        public bool PopulationPatient { get; init; }

        /// <summary>Keep per-second vitals and 30-s samples (reports); off saves memory in large batches.</summary>
        public bool Record { get; init; } = true;

        /// <summary>Prepares the virtual pump before its first power-up (a commissioned store image, a set clock).</summary>
        public System.Action<global::Pump.Sim.Hardware.VirtualPump>? PreparePump { get; init; }

        /// <summary>Boot the controller from the configuration in the pump's store, as the device does
        /// (hardware-docs/commissioning.md), instead of pairing it with the scenario's monitor.</summary>
        public bool ConfigureFromStore { get; init; }
    }
}
