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
    /// (the metadata processor rejects them although Roslyn accepts them) and reference only mscorlib. The device has
    /// the core as two assemblies (one assembly's byte code must fit in 65,535 bytes): Pump.Core and Pump.Core.Service,
    /// which references only mscorlib and Pump.Core; both are checked.
    /// </summary>
    public sealed class NanoCoreAssemblyTests
    {
        // Proves: BLD-001, BLD-002
        [Fact]
        public void NanoCore_Built_ReferencesOnlyMscorlib()
        {
            var problems = NanoCoreInspector.Inspect(TestPaths.NanoCoreAssembly);
            Assert.Equal(new[] { "mscorlib" }, problems.AssemblyReferences);
        }

        // Proves: BLD-002
        [Fact]
        public void NanoCore_Built_ContainsNoGenericTypeMethodOrInstantiation()
        {
            var problems = NanoCoreInspector.Inspect(TestPaths.NanoCoreAssembly);
            Assert.True(problems.Generics.Count == 0, "Generics in the nanoFramework core:\n" + string.Join("\n", problems.Generics));
        }

        // Proves: BLD-001, BLD-002
        [Fact]
        public void NanoCoreService_Built_ReferencesOnlyMscorlibAndTheCore()
        {
            var problems = NanoCoreInspector.Inspect(TestPaths.NanoCoreServiceAssembly);
            Assert.Equal(new[] { "Pump.Core.Nano", "mscorlib" }, problems.AssemblyReferences.OrderBy(r => r, System.StringComparer.Ordinal));
        }

        // Proves: BLD-002
        [Fact]
        public void NanoCoreService_Built_ContainsNoGenericTypeMethodOrInstantiation()
        {
            var problems = NanoCoreInspector.Inspect(TestPaths.NanoCoreServiceAssembly);
            Assert.True(problems.Generics.Count == 0, "Generics in the nanoFramework core's service assembly:\n" + string.Join("\n", problems.Generics));
        }

        [Fact]
        public void NanoCoreInspector_AssemblyWithGenerics_ReportsThem()
        {
            // The inspector itself must be able to fail: this test assembly is full of generics.
            var problems = NanoCoreInspector.Inspect(typeof(NanoCoreAssemblyTests).Assembly.Location);
            Assert.NotEmpty(problems.Generics);
            
        }
    }
}
