using System.Linq;
using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Evidence.Conformance;
using Xunit;

namespace Pump.Evidence.Tests.Conformance
{
    /// <summary>
    /// The conformance boundary includes the logic that computes the guard inputs (issue 11): the firmware's
    /// GuardReader and the reference model's own definitions get the same raw situation.
    /// </summary>
    public sealed class RawSituationConformanceTests
    {
        // Proves: STM-005, STM-006, STM-009, STM-011, STM-016
        [Fact]
        public void RawConformance_EveryPairUnderEverySingleAndDoubleChange_GuardReaderMatchesReferenceModel()
        {
            var found = RawSituationChecker.ForFirmware().CheckAllPairs(out int checkedCount);

            Assert.Equal(RawSituations.Samples().Count * PumpStates.Count * PumpTriggers.Count, checkedCount);
            Assert.True(found.Count == 0, found.Count + " disagreement(s):\n" + string.Join("\n", found.Take(10)));
        }

        // Proves: STM-016
        [Fact]
        public void RawConformance_SeededRandomSequences_GuardReaderMatchesReferenceModel()
        {
            string? found = RawSituationChecker.ForFirmware().CheckRandomSequences(seed: 11, sequences: 2_000, maxLength: 40, out long steps);

            Assert.True(steps > 2_000);
            Assert.True(found == null, found);
        }

        [Fact]
        public void RawChecker_CounterGoingBackIgnored_Found()
        {
            AssertFound((t, s) =>
            {
                s.CounterWentBack = false;
                return GuardReader.Derive(t, ref s);
            }, "CounterWentBack=True");
        }

        [Fact]
        public void RawChecker_LinePrimedReadFromLineFreeOfPatient_Found()
        {
            AssertFound((t, s) =>
            {
                GuardInputs g = GuardReader.Derive(t, ref s);
                g.LinePrimed = s.LineFreeOfPatient;
                return g;
            }, "LinePrimed=False");
        }

        [Fact]
        public void RawChecker_DrugSufficientInverted_Found()
        {
            AssertFound((t, s) =>
            {
                GuardInputs g = GuardReader.Derive(t, ref s);
                g.DrugSufficient = !s.DrugSufficient;
                return g;
            }, "all good");
        }

        [Fact]
        public void RawChecker_SystolicTooHighCountedAsNoVitals_Found()
        {
            AssertFound((t, s) =>
            {
                GuardInputs g = GuardReader.Derive(t, ref s);
                if (t == PumpTrigger.RequestStart && s.InterlockStart == StartCheck.SystolicTooHigh)
                {
                    g.LeaseHeld = false;
                }
                return g;
            }, "InterlockStart=SystolicTooHigh");
        }

        [Fact]
        public void RawChecker_StopLevelIgnoredOnResume_Found()
        {
            AssertFound((t, s) =>
            {
                s.Stopped = false;
                return GuardReader.Derive(t, ref s);
            }, "Stopped=True");
        }

        private static void AssertFound(RawSituationChecker.Derivation broken, string expectedInReport)
        {
            var found = new RawSituationChecker(broken).CheckAllPairs(out _);

            Assert.NotEmpty(found);
            Assert.Contains(found, d => d.Contains(expectedInReport));
        }
    }
}
