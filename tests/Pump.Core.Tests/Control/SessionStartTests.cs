using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// Starting a session (InfusionSession.Begin): a delivery record that cannot be written once stops the pump
    /// before any step (the history case is ReviewFindingsTests'); a started one judges line pressure from the
    /// friction of the moving plunger.
    /// </summary>
    public sealed class SessionStartTests
    {
        // Proves: PER-006, TEC-011, STM-002
        [Fact]
        public void Start_DeliveryRecordWriteFailsOnce_FailsafeWithStorageFaultAndNotASingleStep()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            long countedBefore = rig.Steps.Counted;
            int enablesBefore = rig.Driver.EnableCount;
            // Only the new delivery record's write fails (the snapshot region; the history and the log still write,
            // and the store works again for the transition's own snapshot save right after it).
            rig.Store.FailFrom = StoreLayout.SnapshotAddress;
            rig.Store.FailTo = StoreLayout.SnapshotAddress + (2 * StoreLayout.SnapshotSlotBytes);
            rig.Store.RangeFailuresLeft = 1;

            rig.Press(PanelKey.Start);
            rig.Run(1);

            Assert.Null(rig.Store.RangeFailuresLeft);   // the one failure was spent on the start
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.False(rig.Controller.Persistence.Ledger.IsOpen);
            Assert.Equal(countedBefore, rig.Steps.Counted);
            Assert.Equal(0, rig.Controller.Ledger.CommandedMicrosteps);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(enablesBefore, rig.Driver.EnableCount);   // not even energised for a moment (STM-002)
        }

        // Proves: TEC-001
        [Fact]
        public void Start_PlungerFrictionHigherThanTheRestingForceInReady_BaselineTakenAtStartNoOcclusion()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            rig.Sensors.ForceMilliNewtons = 1_000;   // at rest in Ready: the plunger barely loaded
            rig.Run(2);
            Assert.Equal(PumpState.Ready, rig.State);

            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            // Moving, the plunger's friction reads about 30 N: above the resting force by more than the Low level's
            // 300 mmHg on this bore, but friction, not line pressure (TEC-001: pressure is force less the friction baseline).
            rig.Sensors.ForceMilliNewtons = 31_000;
            rig.Run(15);

            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.Occlusion));
            Assert.Equal(0, rig.Controller.PressureMmHg);
        }
    }
}
