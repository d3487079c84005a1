using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Pump.Core.Tests.Build
{
    /// <summary>
    /// DESIGN.md D1: the core compiled against nanoFramework's mscorlib must hold no generics
    /// (the metadata processor rejects them although Roslyn accepts them) and reference only mscorlib and, as the
    /// device has the core in three assemblies (one assembly's byte code must fit in 65,535 bytes), the core's
    /// assemblies below it: Pump.Core.Base nothing, Pump.Core only Pump.Core.Base, Pump.Core.Service both. All three
    /// are checked.
    /// </summary>
    public sealed class NanoCoreAssemblyTests
    {
        public static TheoryData<string, string[]> Layers => new()
        {
            { "Pump.Core.Base.Nano", new[] { "mscorlib" } },
            { "Pump.Core.Nano", new[] { "Pump.Core.Base.Nano", "mscorlib" } },
            { "Pump.Core.Service.Nano", new[] { "Pump.Core.Base.Nano", "Pump.Core.Nano", "mscorlib" } },
        };

        // Proves: BLD-001, BLD-002
        [Theory]
        [MemberData(nameof(Layers))]
        public void NanoCore_Built_ReferencesOnlyMscorlibAndTheCoreLayersBelow(string assembly, string[] allowed)
        {
            var problems = NanoCoreInspector.Inspect(PathOf(assembly));
            Assert.Contains("mscorlib", problems.AssemblyReferences);
            Assert.Empty(problems.AssemblyReferences.Except(allowed));
        }

        // Proves: BLD-002
        [Theory]
        [MemberData(nameof(Layers))]
        public void NanoCore_Built_ContainsNoGenericTypeMethodOrInstantiation(string assembly, string[] allowed)
        {
            Assert.NotEmpty(allowed);
            var problems = NanoCoreInspector.Inspect(PathOf(assembly));
            Assert.True(problems.Generics.Count == 0, "Generics in the nanoFramework core (" + assembly + "):\n" + string.Join("\n", problems.Generics));
        }

        [Fact]
        public void NanoCoreInspector_AssemblyWithGenerics_ReportsThem()
        {
            // The inspector itself must be able to fail: this test assembly is full of generics.
            var problems = NanoCoreInspector.Inspect(typeof(NanoCoreAssemblyTests).Assembly.Location);
            Assert.NotEmpty(problems.Generics);
        }

        private static string PathOf(string assembly) => assembly switch
        {
            "Pump.Core.Base.Nano" => TestPaths.NanoCoreBaseAssembly,
            "Pump.Core.Nano" => TestPaths.NanoCoreAssembly,
            _ => TestPaths.NanoCoreServiceAssembly,
        };
    }
}
