using System;
using System.IO;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>Runs pump-library in process with the console captured.</summary>
    internal static class Cli
    {
        private static readonly object Gate = new();

        public static (int Code, string Out, string Err) Run(params string[] args)
        {
            lock (Gate)
            {
                TextWriter oldOut = Console.Out, oldErr = Console.Error;
                var o = new StringWriter();
                var e = new StringWriter();
                Console.SetOut(o);
                Console.SetError(e);
                try
                {
                    int code = Program.Main(args);
                    return (code, o.ToString(), e.ToString());
                }
                finally
                {
                    Console.SetOut(oldOut);
                    Console.SetError(oldErr);
                }
            }
        }

        public static string Ok(params string[] args)
        {
            var (code, stdout, stderr) = Run(args);
            Assert.True(code == 0, "pump-library " + string.Join(' ', args) + " exited " + code + ": " + stderr);
            return stdout;
        }
    }
}
