using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Pump.OnTarget.Tests.Toolchain;
using Xunit;
using Xunit.Abstractions;

namespace Pump.OnTarget.Tests.UnitTests
{
    /// <summary>
    /// Runs the NFUnitTest project (tests/Pump.Core.NfTests) on nanoCLR with nanoFramework's own TestFramework and
    /// UnitTestLauncher. nanoCLR exits 0 whatever happens, so the verdict comes from its output: every
    /// [TestMethod] in the compiled assembly must have its own "Test passed" line, none may fail, and the run
    /// must reach the runtime's end. A crash, a hang or a test that never ran is a failure.
    /// </summary>
    [Collection(NanoCollection.Name)]
    public sealed class NfUnitTestRunTests
    {
        private readonly NanoBuild _build;
        private readonly ITestOutputHelper _output;

        public NfUnitTestRunTests(NanoBuild build, ITestOutputHelper output)
        {
            _build = build;
            _output = output;
        }

        // Proves: NFR-002
        [OnTargetFact]
        public void NfUnitTests_OnNanoClr_EveryTestMethodPasses()
        {
            var tests = _build.UnitTests;
            Assert.True(tests.PeBytes > 0, "NFUnitTest.pe was not written:\n" + tests.CompilerOutput + tests.ConverterOutput);
            var run = _build.Run(tests.LoadOrder, TimeSpan.FromMinutes(3));
            Assert.False(run.TimedOut, "nanoCLR did not finish the unit tests within 3 minutes:\n" + Tail(run));

            var expected = TestMethods(tests.DllPath);
            Assert.NotEmpty(expected);
            var passed = new List<string>();
            var failed = new List<string>();
            foreach (string line in run.Lines)
            {
                if (line.StartsWith("Test passed,", StringComparison.Ordinal))
                {
                    passed.Add(MethodOf(line));
                }
                else if (line.StartsWith("Test failed,", StringComparison.Ordinal) || line.StartsWith("Test skipped,", StringComparison.Ordinal))
                {
                    failed.Add(line);
                }
            }

            _output.WriteLine($"{passed.Count} passed, {failed.Count} failed or skipped, {expected.Count} test methods");
            Assert.True(failed.Count == 0, "On nanoCLR:\n" + string.Join("\n", failed));
            var missing = expected.Where(m => passed.Count(p => p == m) != 1).ToList();
            Assert.True(missing.Count == 0, "No single pass line for:\n" + string.Join("\n", missing) + "\n" + Tail(run));
            Assert.Contains("Exiting.", run.Lines);
        }

        /// <summary>"Test passed,Ns.Class.Method.0,85" → "Ns.Class.Method".</summary>
        private static string MethodOf(string line)
        {
            string name = line.Split(',')[1];
            int lastDot = name.LastIndexOf('.');
            return lastDot > 0 && int.TryParse(name.AsSpan(lastDot + 1), out _) ? name.Substring(0, lastDot) : name;
        }

        private static List<string> TestMethods(string dll)
        {
            using var stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var methods = new List<string>();
            foreach (var typeHandle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(typeHandle);
                string typeName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(methodHandle);
                    if (method.GetCustomAttributes().Any(a => AttributeName(md, a) == "TestMethodAttribute"))
                    {
                        methods.Add(typeName + "." + md.GetString(method.Name));
                    }
                }
            }

            return methods;
        }

        private static string AttributeName(MetadataReader md, CustomAttributeHandle handle)
        {
            var attribute = md.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                return string.Empty;
            }

            var parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            return parent.Kind == HandleKind.TypeReference ? md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name) : string.Empty;
        }

        private static string Tail(ToolRun run) => string.Join("\n", run.Lines.TakeLast(40));
    }
}
