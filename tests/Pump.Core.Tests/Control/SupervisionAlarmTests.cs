using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>Condition alarms the whole pump raises from its facts, where they are armed and what they do to delivery.</summary>
    public sealed class SupervisionAlarmTests
    {
        // Proves: HIS-005
        [Fact]
        public void ClockInvalid_WhileInfusing_SetClockShownDeliveryGoesOn_ClearsWithTheClock()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2);
            rig.Rtc.Valid = false;
            rig.Step();
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.ClockInvalid));
            Assert.Equal(AlarmPriority.Low, AlarmTable.For(AlarmCode.ClockInvalid).Priority);
            rig.Run(2);
            Assert.Equal(PumpState.Infusing, rig.State);
            rig.Rtc.Valid = true;
            rig.Step();
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.ClockInvalid));
        }

        // Proves: HIS-005
        [Fact]
        public void ClockInvalid_InIdle_SetClockShown()
        {
            var rig = new PumpRig();
            rig.Rtc.Valid = false;
            rig.Run(0.5);
            Assert.Equal(PumpState.Idle, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.ClockInvalid));
        }

        // Proves: SEC-003, LNK-006
        [Fact]
        public void UnpairedMonitor_WhileInfusingKetamine_WrongMonitorShownAndDeliveryHeld()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.SendAsMonitor = PumpRig.MonitorId + 1;
            Assert.True(rig.RunUntil(() => rig.State != PumpState.Infusing, 5));
            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.UnpairedMonitor));
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: SEC-003
        [Fact]
        public void UnpairedMonitor_PlainRateInfusion_NotWatchedNoAlarm()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00100", "0050");   // 10.0 mL/h, 5.0 mL
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            rig.SendAsMonitor = PumpRig.MonitorId + 1;
            rig.Run(5);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.UnpairedMonitor));
        }
    }
}
