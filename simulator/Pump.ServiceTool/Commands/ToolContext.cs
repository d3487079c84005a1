using System;
using System.CommandLine;
using Pump.ServiceTool.Protocol;

namespace Pump.ServiceTool.Commands
{
    /// <summary>The options every command shares and the exit codes (README and service-link.md list them).</summary>
    internal sealed class ToolContext
    {
        public const int ExitOk = 0;
        public const int ExitRefused = 1;
        public const int ExitBadInput = 2;
        public const int ExitNoAnswer = 3;

        public ToolContext(ToolIo io)
        {
            Io = io;
        }

        public ToolIo Io { get; }

        public Option<string> Connect { get; } = new("--connect", "-c")
        {
            Description = "tcp:HOST:PORT (the simulator's `serve`) or serial:DEVICE (a pump's service port).",
            DefaultValueFactory = _ => "tcp:127.0.0.1:47017",
            Recursive = true,
        };

        public Option<double> TimeoutS { get; } = new("--timeout-s")
        {
            Description = "Seconds to wait for each answer.",
            DefaultValueFactory = _ => 5,
            Recursive = true,
        };

        /// <summary>Opens the link, runs body, and turns failures into exit codes with a specific message.</summary>
        public int Run(ParseResult r, Func<ServiceClient, int> body)
        {
            try
            {
                using ServiceClient client = Connection.Open(r.GetValue(Connect)!, TimeSpan.FromSeconds(Math.Max(0.1, r.GetValue(TimeoutS))));
                return body(client);
            }
            catch (NoAnswerException e)
            {
                Io.Error.WriteLine("pump-service: " + e.Message);
                return ExitNoAnswer;
            }
            catch (ProtocolException e)
            {
                Io.Error.WriteLine("pump-service: malformed answer: " + e.Message);
                return ExitNoAnswer;
            }
            catch (ArgumentException e)
            {
                Io.Error.WriteLine("pump-service: " + e.Message);
                return ExitBadInput;
            }
        }

        /// <summary>Prints a refusal and returns the refused exit code.</summary>
        public int Refused(string what, ServiceResponse response)
        {
            Io.Error.WriteLine("pump-service: " + what + " refused by the pump: " + response.Describe());
            return ExitRefused;
        }
    }
}
