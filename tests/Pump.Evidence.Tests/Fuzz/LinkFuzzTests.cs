using System.IO;
using System.Linq;
using Pump.Evidence.Docs;
using Pump.Evidence.Fuzz;
using Xunit;

namespace Pump.Evidence.Tests.Fuzz
{
    /// <summary>
    /// Default-run fuzzing of the monitor-link parser: the committed seed corpus and a seeded batch.
    /// The long run (1,000,000 inputs) is `dotnet run -c Release --project tests/Pump.Evidence -- fuzz`.
    /// </summary>
    public sealed class LinkFuzzTests
    {
        private static string CorpusDirectory => RepositoryPaths.InRepository(LinkCorpus.RelativeDirectory);

        // Proves: LNK-009
        [Fact]
        public void LinkCorpus_EveryCommittedInput_ParsedSafelyWithTheExpectedAcceptedCount()
        {
            string[] expected = File.ReadAllLines(Path.Combine(CorpusDirectory, "expected.txt"));
            Assert.True(expected.Length >= 20, "the seed corpus is missing; regenerate with `dotnet run --project tests/Pump.Evidence -- fuzz --write-corpus`");
            foreach (string line in expected)
            {
                string[] parts = line.Split(' ');
                byte[] input = File.ReadAllBytes(Path.Combine(CorpusDirectory, parts[0] + ".bin"));
                int accepted = int.Parse(parts[1]);
                var parser = LinkFuzzer.NewParser();
                var totals = new LinkFuzzTotals();
                long nowMs = 0;
                ulong lastSequence = 0;

                LinkFuzzer.Check(parser, input, accepted > 0 ? accepted : 0, chunkSeed: 1, ref nowMs, ref lastSequence, totals);

                if (accepted >= 0)
                {
                    Assert.True(accepted == totals.Accepted, $"{parts[0]}: {totals.Accepted} accepted, expected {accepted}");
                }
            }
        }

        // Proves: LNK-003, LNK-004, LNK-005, LNK-006, LNK-007, LNK-008, LNK-015, SEC-001, SEC-004
        [Fact]
        public void LinkCorpus_RejectionInputs_EachRejectedForItsOwnReason()
        {
            var cases = new (string File, Pump.Core.Link.FrameResult Reason)[]
            {
                ("bad-crc", Pump.Core.Link.FrameResult.BadCrc),
                ("wrong-version", Pump.Core.Link.FrameResult.UnknownVersion),
                ("wrong-type-command", Pump.Core.Link.FrameResult.UnknownType),
                ("unpaired-monitor", Pump.Core.Link.FrameResult.Unpaired),
                ("replay", Pump.Core.Link.FrameResult.Replay),
                ("forged-tag", Pump.Core.Link.FrameResult.BadTag),
                ("legacy-v1", Pump.Core.Link.FrameResult.UnknownVersion),
                ("source-changed", Pump.Core.Link.FrameResult.SourceChanged),
                ("unknown-value-status", Pump.Core.Link.FrameResult.Implausible),
                ("implausible-sbp-400", Pump.Core.Link.FrameResult.Implausible),
                ("length-over-max", Pump.Core.Link.FrameResult.BadLength),
            };
            foreach (var (file, reason) in cases)
            {
                byte[] input = File.ReadAllBytes(Path.Combine(CorpusDirectory, file + ".bin"));
                var totals = new LinkFuzzTotals();
                long nowMs = 0;
                ulong lastSequence = 0;

                LinkFuzzer.Check(LinkFuzzer.NewParser(), input, 0, chunkSeed: 2, ref nowMs, ref lastSequence, totals);

                Assert.True(totals.ByResult[(int)reason] >= 1, $"{file}: no {reason} among " + string.Join(",", totals.ByResult));
            }
        }

        // Proves: LNK-009, BLD-004
        [Fact]
        public void LinkFuzz_SeededBatch_NoExceptionSpinAllocationOrWrongAcceptance()
        {
            LinkFuzzTotals totals = LinkFuzzer.Run(seed: 5, inputs: 20_000);

            Assert.Equal(20_000, totals.Inputs);
            Assert.Equal(0, totals.AllocatedBytesInParser);
            Assert.True(totals.Accepted > 1_000 && totals.Rejected > 1_000, $"{totals.Accepted} accepted, {totals.Rejected} rejected");
            Assert.True(totals.ByResult.Skip(2).All(n => n > 0), "every rejection reason reached: " + string.Join(",", totals.ByResult));
        }
    }
}
