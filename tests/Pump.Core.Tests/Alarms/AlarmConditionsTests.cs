using System.Linq;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Xunit;

namespace Pump.Core.Tests.Alarms
{
    /// <summary>The alarm conditions table: one row per condition-driven alarm, armed where the requirements say.</summary>
    public sealed class AlarmConditionsTests
    {
        private readonly AlarmConditions Table = new AlarmConditions();

        private static readonly AlarmCode[] Events =
        {
            AlarmCode.InfusionComplete, AlarmCode.SoftwareFault, AlarmCode.PowerRestored, AlarmCode.WatchdogReset,
            AlarmCode.LibraryRefused, AlarmCode.SessionNotRestored,
        };

        // Proves: ALM-001
        [Fact]
        public void Conditions_EveryNonEventAlarm_HasExactlyOneRowWithAFact()
        {
            var codes = Enumerable.Range(0, Table.Count).Select(Table.CodeAt).ToList();
            Assert.Equal(codes.Count, codes.Distinct().Count());
            for (int i = 1; i < AlarmCodes.Count; i++)
            {
                var code = (AlarmCode)i;
                Assert.True(codes.Contains(code) != Events.Contains(code), $"{code}: a condition row xor an event");
            }

            Assert.All(Enumerable.Range(0, Table.Count), i => Assert.InRange(Table.FactAt(i), 1, SupervisionFacts.Count - 1));
        }

        // Proves: TEC-006, STM-014
        [Fact]
        public void SyringeNotSecured_ArmedExactlyWhereTheSyringeMustBeSecured()
        {
            int row = Enumerable.Range(0, Table.Count).Single(i => Table.CodeAt(i) == AlarmCode.SyringeNotSecured);
            for (int s = 0; s < PumpStates.Count; s++)
            {
                var state = (PumpState)s;
                Assert.Equal(StateTraits.Has(state, StateTraits.SyringeMustBeSecured), Table.ArmedIn(row, state));
            }
        }

        // Proves: TEC-001, TEC-002, TEC-003
        [Fact]
        public void SyringeLevelAndOcclusion_ArmedOnlyWhileInfusing_OcclusionAlsoInAlarm()
        {
            int Row(AlarmCode c) => Enumerable.Range(0, Table.Count).Single(i => Table.CodeAt(i) == c);
            for (int s = 0; s < PumpStates.Count; s++)
            {
                var state = (PumpState)s;
                Assert.Equal(state == PumpState.Infusing, Table.ArmedIn(Row(AlarmCode.SyringeEmpty), state));
                Assert.Equal(state == PumpState.Infusing, Table.ArmedIn(Row(AlarmCode.NearEmpty), state));
                Assert.Equal(state is PumpState.Infusing or PumpState.Alarm, Table.ArmedIn(Row(AlarmCode.Occlusion), state));
            }
        }
    }
}
