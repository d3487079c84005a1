using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>Store writes that fail: a reservation while the old bound still covers the next steps (TEC-011), a snapshot outside delivery (PER-013).</summary>
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

        // Proves: TEC-011, PER-006, PER-013
        [Fact]
        public void Resume_StoreFailsAtTheResume_NoStepBeyondTheRecordedCountAndStopsWithStorageFault()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            var ledger = rig.Controller.Persistence.Ledger;
            long recorded = ledger.ReservedMicrosteps;
            Assert.True(ledger.IsExact);

            // The store fails just before the resume: no new reservation can be persisted, so no step may be commanded.
            rig.Store.FailFrom = 0;
            rig.Store.FailTo = int.MaxValue;
            Assert.True(rig.Controller.Commands.Resume());
            rig.Step();
            Assert.Equal(recorded, ledger.ReservedMicrosteps);
            Assert.True(rig.Controller.Ledger.CommandedMicrosteps <= recorded);
            rig.Run(2);
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(recorded, rig.Controller.Ledger.CountedMicrosteps);
        }

        // Proves: PER-006, PER-013
        [Fact]
        public void Pause_StoreHealthy_ExactCountRecordedWithoutAStorageFault()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Press(PanelKey.PauseStop);
            rig.Run(1);
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.True(rig.Controller.Persistence.Ledger.IsExact);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
        }

        // Proves: PER-013, TEC-011
        [Fact]
        public void Pause_TheExactRecordsWriteFailsOnce_StorageFaultShownAndTheBoundStillCoversTheCount()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Store.FailNextWrites = 1;       // the stop's exact record; the store works again after it
            rig.Press(PanelKey.PauseStop);
            rig.Run(1);
            Assert.Equal(0, rig.Store.FailNextWrites);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.False(rig.Driver.IsEnabled);
            Assert.True(rig.Controller.Ledger.CountedMicrosteps <= rig.Controller.Persistence.Ledger.ReservedMicrosteps);
        }

        // Proves: PER-013
        [Fact]
        public void Programming_SnapshotSaveFails_StorageFaultShownWithoutStoppingAnything()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            Assert.Equal(PumpState.Idle, rig.State);
            rig.Store.FailFrom = StoreLayout.SnapshotAddress;
            rig.Store.FailTo = StoreLayout.SnapshotAddress + 2 * StoreLayout.SnapshotSlotBytes;
            rig.Press(PanelKey.Ok);            // Idle -> Programming: the snapshot of the transition cannot be saved
            Assert.Equal(PumpState.Programming, rig.State);
            rig.Step();
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.Equal(PumpState.Programming, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: PER-013
        [Fact]
        public void Idle_StoreHealthy_NoStorageFault()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            rig.Run(1);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
        }
    }
}
