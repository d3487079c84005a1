using Pump.Core.Control;
using Pump.Core.Supervision;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Configuration
{
    /// <summary>
    /// Turns the stored configuration into the controller's <see cref="PumpSettings"/> at power-up (the composition
    /// root calls it, so every unit runs the same image). A configuration that is missing, damaged or not
    /// calibrated leaves the safe defaults and sets <see cref="PumpSettings.ConfigurationProblem"/>, which refuses
    /// priming and starting with the reason on the panel (CFG-003). Nothing is applied from a record that fails a check.
    /// </summary>
    public static class ConfigurationApplier
    {
        /// <summary>Loads the configuration from the store into settings and config; returns the problem (None when applied).</summary>
        public static int LoadAndApply(INonVolatileStore store, PumpSettings settings, DeviceConfiguration config)
        {
            ConfigurationStore configStore = new ConfigurationStore(store);
            int problem = configStore.TryLoad(config);
            if (problem == ConfigProblem.None)
            {
                problem = ConfigurationChecks.CheckReadyToInfuse(config);
            }

            return Apply(problem == ConfigProblem.None ? config : null, problem, settings);
        }

        /// <summary>Applies a checked configuration, or records why there is none.</summary>
        public static int Apply(DeviceConfiguration? config, int problem, PumpSettings settings)
        {
            Mechanism? mechanism = null;
            if (problem == ConfigProblem.None && config != null
                && !Mechanism.TryCreate(config.LeadUm, config.FullStepsPerRev, config.Microstepping, out mechanism))
            {
                problem = ConfigProblem.MechanismInvalid;
            }

            if (problem != ConfigProblem.None || config == null || mechanism == null)
            {
                settings.ConfigurationProblem = problem == ConfigProblem.None ? ConfigProblem.NoRecord : problem;
                settings.PairedMonitorId = 0;
                return settings.ConfigurationProblem;
            }

            settings.ConfigurationProblem = ConfigProblem.None;
            settings.Mechanism = mechanism;
            settings.PairedMonitorId = config.PairedMonitorId;
            settings.OcclusionLevel = (OcclusionLevel)config.OcclusionLevel;
            settings.NearEmptyLeadS = config.NearEmptyLeadS;
            settings.CallbackPausedS = config.CallbackPausedS;
            settings.CallbackProgrammingS = config.CallbackProgrammingS;
            return ConfigProblem.None;
        }
    }
}
