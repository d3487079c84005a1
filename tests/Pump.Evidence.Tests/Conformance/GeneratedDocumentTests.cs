using Pump.Evidence.Docs;
using Xunit;

namespace Pump.Evidence.Tests.Conformance
{
    public sealed class GeneratedDocumentTests
    {
        [Fact]
        public void StateDiagram_Committed_MatchesTheReferenceModel()
        {
            AssertCurrent(GeneratedDocuments.StateDiagram());
        }

        // Proves: STM-001
        [Fact]
        public void StateTable_Committed_MatchesTheFirmwareTable()
        {
            AssertCurrent(GeneratedDocuments.StateTable());
        }

        [Fact]
        public void StateDiagram_IsAMermaidBlockWithEveryState()
        {
            string content = GeneratedDocuments.StateDiagram().Content;

            Assert.Contains("```mermaid\nstateDiagram-v2", content);
            foreach (var state in Pump.Evidence.Conformance.ReferenceModel.AllStates)
            {
                Assert.Contains(state.ToString(), content);
            }
        }

        private static void AssertCurrent(GeneratedDocument document)
        {
            Assert.True(document.IsCurrent(),
                $"{document.RelativePath} is stale or missing. Regenerate it with `{document.RegenerateCommand}` and commit it.");
        }
    }
}
