using System.Collections.Generic;
using System.IO;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>One assembly compiled with nfcsc and converted by the metadata processor, with both tools' output.</summary>
    internal sealed class NanoAssembly
    {
        public NanoAssembly(string name, string dllPath, string compilerOutput, string converterOutput, IReadOnlyList<string> loadOrder)
        {
            Name = name;
            DllPath = dllPath;
            CompilerOutput = compilerOutput;
            ConverterOutput = converterOutput;
            LoadOrder = loadOrder;
        }

        public string Name { get; }

        public string DllPath { get; }

        public string PePath => Path.ChangeExtension(DllPath, ".pe");

        public string CompilerOutput { get; }

        public string ConverterOutput { get; }

        /// <summary>Every .pe nanoCLR needs for this assembly, mscorlib first and this one last.</summary>
        public IReadOnlyList<string> LoadOrder { get; }

        public long PeBytes => File.Exists(PePath) ? new FileInfo(PePath).Length : 0;

        /// <summary>The .pe's byte-code table (<see cref="PeLayout"/>), 0 when no .pe was written.</summary>
        public int ByteCodeBytes => File.Exists(PePath) ? PeLayout.ByteCodeBytes(PePath) : 0;
    }
}
