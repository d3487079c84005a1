using System.IO;
using Spectre.Console;

namespace Pump.ServiceTool
{
    /// <summary>Where the tool reads prompts' answers and writes its output (the console, or a test's buffers).</summary>
    public sealed class ToolIo
    {
        public ToolIo(TextReader input, TextWriter output, TextWriter error)
        {
            In = input;
            Out = output;
            Error = error;
            Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = output == System.Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = output == System.Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            if (output != System.Console.Out)
            {
                Console.Profile.Width = 200; // captured output: no wrapping inside table cells
            }
        }

        public TextReader In { get; }
        public TextWriter Out { get; }
        public TextWriter Error { get; }

        /// <summary>Tables and markup, on <see cref="Out"/>.</summary>
        public IAnsiConsole Console { get; }

        public static ToolIo Standard() => new(System.Console.In, System.Console.Out, System.Console.Error);
    }
}
