using System.Collections.Generic;
using System.IO;
using System.Text;
using Pump.Core.Control;
using Pump.Evidence.Conformance;

namespace Pump.Evidence.Docs
{
    /// <summary>A document generated from code; tests fail when the committed copy is stale.</summary>
    public sealed class GeneratedDocument
    {
        public GeneratedDocument(string relativePath, string content, string regenerateCommand)
        {
            RelativePath = relativePath;
            Content = content;
            RegenerateCommand = regenerateCommand;
        }

        public string RelativePath { get; }
        public string Content { get; }
        public string RegenerateCommand { get; }

        public string FullPath => RepositoryPaths.InRepository(RelativePath);

        public bool IsCurrent() => File.Exists(FullPath) && RepositoryPaths.SameText(File.ReadAllText(FullPath), Content);

        public void Write() => File.WriteAllText(FullPath, Content);
    }

    /// <summary>The state diagram (from the reference model) and the state table (from the firmware).</summary>
    public static class GeneratedDocuments
    {
        public const string RegenerateCommand = "dotnet run --project tests/Pump.Evidence -- docs";

        public static IReadOnlyList<GeneratedDocument> All() => new[] { StateDiagram(), StateTable(), Traceability() };

        public static GeneratedDocument Traceability() => new GeneratedDocument(
            "hardware-docs/traceability.md",
            Pump.Evidence.Traceability.TraceabilityMatrix.FromRepository(RepositoryPaths.Root).ToMarkdown(),
            "dotnet run --project tests/Pump.Evidence -- traceability");

        public static GeneratedDocument StateDiagram()
        {
            var text = new StringBuilder();
            text.AppendLine("# State diagram (generated)");
            text.AppendLine();
            text.AppendLine("Generated from the Stateless reference model `tests/Pump.Evidence/Conformance/ReferenceModel.cs`,");
            text.AppendLine("which is written from `hardware-docs/requirements.md` (STM-001..STM-013) independently of the");
            text.AppendLine("firmware table and checked against it by the conformance tests. Do not edit by hand; regenerate with");
            text.AppendLine($"`{RegenerateCommand}`. Transitions to Failsafe on `FatalFault`/`SelfTestFailed` exist from every state.");
            text.AppendLine("Ignores named in the requirements are drawn as self-loops; rejections and default ignores (STM-013) are");
            text.AppendLine("not drawn: `state-table.md` lists every pair.");
            text.AppendLine();
            text.AppendLine("```mermaid");
            text.AppendLine(ReferenceModel.MermaidDiagram().Replace("\r\n", "\n").TrimEnd('\n'));
            text.AppendLine("```");
            return new GeneratedDocument("hardware-docs/state-diagram.md", Normalize(text), RegenerateCommand);
        }

        public static GeneratedDocument StateTable()
        {
            var table = new StateTable();
            var text = new StringBuilder();
            text.AppendLine("# State table (generated from the firmware)");
            text.AppendLine();
            text.AppendLine("Generated from `firmware/Pump.Core/Control/StateTable.cs`: every (state, trigger) pair with its");
            text.AppendLine("outcome. A pair with two rows has complementary guards (exactly one applies). Do not edit by hand;");
            text.AppendLine($"regenerate with `{RegenerateCommand}`. Motor permitted only in Priming and Infusing (STM-002).");
            text.AppendLine();
            text.AppendLine("## State traits");
            text.AppendLine();
            text.AppendLine("Declared beside the table in `firmware/Pump.Core/Control/StateTraits.cs` (STM-014) and asserted");
            text.AppendLine("by the Stateless reference model. What a reset brings back is the open session (PER-015).");
            text.AppendLine();
            var header = new StringBuilder("| State |");
            var rule = new StringBuilder("|---|");
            for (int i = 0; i < StateTraits.Count; i++)
            {
                header.Append(' ').Append(StateTraits.Name(StateTraits.At(i))).Append(" |");
                rule.Append(":-:|");
            }
            text.AppendLine(header.ToString());
            text.AppendLine(rule.ToString());
            for (int s = 0; s < PumpStates.Count; s++)
            {
                var state = (PumpState)s;
                var row = new StringBuilder($"| {state} |");
                for (int i = 0; i < StateTraits.Count; i++)
                {
                    row.Append(StateTraits.Has(state, StateTraits.At(i)) ? " ✔ |" : "  |");
                }
                text.AppendLine(row.ToString());
            }
            text.AppendLine();
            for (int s = 0; s < PumpStates.Count; s++)
            {
                var state = (PumpState)s;
                text.AppendLine($"## {state} ({PumpStates.Name(state)}){(PumpStates.MotorPermitted(state) ? " — motor permitted" : "")}");
                text.AppendLine();
                text.AppendLine("| Trigger | Guard | Outcome |");
                text.AppendLine("|---|---|---|");
                for (int t = 0; t < PumpTriggers.Count; t++)
                {
                    var trigger = (PumpTrigger)t;
                    AppendRule(text, table.Primary(state, trigger));
                    TransitionRule? alternate = table.Alternate(state, trigger);
                    if (alternate != null)
                    {
                        AppendRule(text, alternate);
                    }
                }
                text.AppendLine();
            }
            return new GeneratedDocument("hardware-docs/state-table.md", Normalize(text), RegenerateCommand);
        }

        private static void AppendRule(StringBuilder text, TransitionRule rule)
        {
            string guard = rule.Guard == Guard.Always ? "" : GuardInputs.Name(rule.Guard);
            string outcome = rule.Kind switch
            {
                RuleKind.Transition => $"→ **{rule.Target}**",
                RuleKind.Ignore => "ignored" + (rule.Reason.Length > 0 ? $" ({rule.Reason})" : ""),
                _ => rule.Guard == Guard.Always ? $"rejected: \"{rule.Reason}\"" : "rejected: first unmet condition (`GuardInputs.RefusalReason`)",
            };
            text.AppendLine($"| {PumpTriggers.Name(rule.Trigger)} | {guard} | {outcome} |");
        }

        private static string Normalize(StringBuilder text) => text.ToString().Replace("\r\n", "\n");
    }
}
