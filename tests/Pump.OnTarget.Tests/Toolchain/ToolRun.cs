using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>One run of a toolchain script: its combined output, exit status and whether it was stopped at its time limit.</summary>
    internal sealed class ToolRun
    {
        private ToolRun(string output, int exitCode, bool timedOut)
        {
            Output = output;
            ExitCode = exitCode;
            TimedOut = timedOut;
        }

        public string Output { get; }

        public int ExitCode { get; }

        public bool TimedOut { get; }

        /// <summary>Output lines without the CR nanoCLR puts before each LF.</summary>
        public string[] Lines => Output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');

        /// <summary>
        /// Runs the script to its end or its time limit. With <paramref name="stopAfterLinePrefix"/>, a run that prints
        /// such a line is stopped one second later (if it is still running then, it counts as timed out): for programs
        /// that never return.
        /// </summary>
        public static ToolRun Start(string script, IEnumerable<string> arguments, TimeSpan limit, IDictionary<string, string>? environment = null, string? stopAfterLinePrefix = null)
        {
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(script);
            foreach (string argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    info.Environment[pair.Key] = pair.Value;
                }
            }

            var output = new StringBuilder();
            using var seen = new ManualResetEventSlim(false);
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(output, e.Data, stopAfterLinePrefix, seen);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data, stopAfterLinePrefix, seen);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var watch = Stopwatch.StartNew();
            bool exited = false;
            while (!exited && watch.Elapsed < limit)
            {
                exited = process.WaitForExit(100);
                if (!exited && seen.IsSet)
                {
                    exited = process.WaitForExit(1000);
                    break;
                }
            }

            if (!exited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            lock (output)
            {
                return new ToolRun(output.ToString(), exited ? process.ExitCode : -1, !exited);
            }
        }

        private static void Append(StringBuilder output, string? line, string? stopAfterLinePrefix, ManualResetEventSlim seen)
        {
            if (line == null)
            {
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
            }

            if (stopAfterLinePrefix != null && line.StartsWith(stopAfterLinePrefix, StringComparison.Ordinal))
            {
                seen.Set();
            }
        }
    }
}
