using System;
using System.CommandLine;
using System.IO;
using Pump.Sim.Scenarios;

namespace Pump.Simulator.Commands
{
    /// <summary>Options and helpers the commands share.</summary>
    internal static class Common
    {
        public const int ExitOk = 0;
        public const int ExitScenarioError = 2;

        /// <summary>The scenario ran but an expectation of its `expect` block was not met (`run` and `test`).</summary>
        public const int ExitExpectationFailed = 1;

        public static Option<FileInfo?> ScenarioOption() => new Option<FileInfo?>("--scenario", "-s")
        {
            Description = "Scenario JSON file (simulator/scenarios/*.json); the built-in default scenario when omitted.",
        };

        /// <summary>Loads the scenario or prints a specific error to stderr and returns null.</summary>
        public static Scenario? Load(FileInfo? file)
        {
            try
            {
                return file == null ? DefaultScenario.Create() : ScenarioLoader.LoadFile(file.FullName);
            }
            catch (ScenarioException e)
            {
                Console.Error.WriteLine("scenario error in " + (file?.FullName ?? "built-in scenario") + ": " + e.Message);
                return null;
            }
        }
    }
}
