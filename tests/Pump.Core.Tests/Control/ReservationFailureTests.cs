using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>A reservation write that fails while the persisted bound still covers the next steps (TEC-011, PER-013).</summary>
    public sealed class ReservationFailureTests
    {
        // Proves: TEC-011, PER-013
        [Fact]
        public void Infusing_RefreshWriteFailsWhileStillCovered_StopsWithStorageFaultEvenIfTheStoreRecovers()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            var ledger = rig.Controller.Persistence.Ledger;
            int failuresBefore = ledger.WriteFailureCount;
            rig.Store.FailFrom = 0;
            rig.Store.FailTo = int.MaxValue;
            Assert.True(rig.RunUntil(() => ledger.WriteFailureCount > failuresBefore, 15));
            // The refresh failed ahead of need: what is commanded is still covered, so the motor may still run here.
            Assert.True(rig.Controller.Ledger.CommandedMicrosteps <= ledger.ReservedMicrosteps);
            rig.Store.FailFrom = -1;
            rig.Store.FailTo = -1;
            rig.Step();
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.False(rig.Driver.IsEnabled);
            Assert.True(rig.Controller.Ledger.CountedMicrosteps <= ledger.ReservedMicrosteps);
        }
    }
}
