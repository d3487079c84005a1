using System.Linq;
using Pump.Evidence.Docs;
using Pump.Evidence.Traceability;
using Xunit;

namespace Pump.Evidence.Tests.Traceability
{
    public sealed class TraceabilityTests
    {
        private static readonly TraceabilityMatrix Matrix = TraceabilityMatrix.FromRepository(RepositoryPaths.Root);

        [Fact]
        public void Traceability_EveryCitedId_IsAnActiveRequirement()
        {
            var unknown = Matrix.UnknownCitations();

            Assert.True(unknown.Count == 0, "Tests cite IDs that are not (active) requirements in hardware-docs/requirements.md:\n"
                + string.Join("\n", unknown.Select(u => $"  {u.Id} in {u.Test.Method} ({u.Test.File})")));
        }

        /// <summary>Strict: every active requirement needs a test that cites it (see traceability.md for the matrix).</summary>
        [Fact]
        public void Traceability_EveryRequirement_HasATest()
        {
            var untested = Matrix.Untested();

            Assert.True(untested.Count == 0, $"{untested.Count} requirement(s) have no test citing them "
                + "(add `// Proves: ID` above the test that proves it):\n" + Matrix.Describe(untested));
        }

        [Fact]
        public void Traceability_Committed_MatchesTheRepository()
        {
            GeneratedDocument document = GeneratedDocuments.Traceability();

            Assert.True(document.IsCurrent(),
                $"{document.RelativePath} is stale. Regenerate it with `{document.RegenerateCommand}` and commit it.");
        }

        [Fact]
        public void ParseRequirements_RequirementAndWithdrawnLines_ReadWithTheirSection()
        {
            var requirements = TraceabilityMatrix.ParseRequirements(new[]
            {
                "## DEL — delivery engine",
                "- **DEL-001** — Steps are due at absolute times. *D2.*",
                "- **DEL-002** — *Withdrawn: merged into DEL-001.*",
                "Not a requirement DEL-003.",
            });

            Assert.Equal(new[] { "DEL-001", "DEL-002" }, requirements.Select(r => r.Id));
            Assert.All(requirements, r => Assert.Equal("DEL", r.Section));
            Assert.False(requirements[0].Withdrawn);
            Assert.True(requirements[1].Withdrawn);
        }

        [Fact]
        public void ParseCitations_CommentAndNameIds_BelongToTheNextTestMethod()
        {
            var citations = TraceabilityMatrix.ParseCitations("tests/X.cs", new[]
            {
                "        // Proves: STM-001, STM-002",
                "        [Fact]",
                "        public void Table_Pair_Resolves()",
                "        [Fact]",
                "        public void NotCiting_Nothing_Nothing()",
                "        [Theory]",
                "        public void DEL004_Ledger_Balances(int x)",
                "        private static void Helper()",
            });

            Assert.Equal(2, citations.Count);
            Assert.Equal("Table_Pair_Resolves", citations[0].Method);
            Assert.Equal(new[] { "STM-001", "STM-002" }, citations[0].Ids);
            Assert.Equal(new[] { "DEL-004" }, citations[1].Ids);
        }
    }
}
