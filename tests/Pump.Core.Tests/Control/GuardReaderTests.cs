using Pump.Core.Configuration;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The refusal the panel shows: the interlock names its exact cause only when the vitals are the first unmet
    /// condition; an earlier one in the table's order is named instead, and a broken
    /// configuration is named only when it is what makes the device unhealthy (CFG-003).
    /// </summary>
    public sealed class GuardReaderTests
    {
        // Proves: STM-005, INT-012
        [Theory]
        [InlineData("clamp open", "SYRINGE NOT SECURED")]
        [InlineData("plunger loose", "SYRINGE NOT SECURED")]
        [InlineData("force sensor dead", "DEVICE FAULT")]
        [InlineData("line not primed", "PRIME LINE FIRST")]
        [InlineData("too little drug", "TOO LITTLE DRUG")]
        [InlineData("clock lost", "SESSION LIMIT")]
        public void Start_MonitorSilentAndAnEarlierConditionUnmet_NamesTheEarlierConditionNotTheVitals(string earlier, string expected)
        {
            var rig = new PumpRig();
            if (earlier == "too little drug")
            {
                rig.StartPositionUm = 120_000 - 3 * 1_000_000 / 556;
                rig.Sensors.PositionUm = rig.StartPositionUm;
            }

            rig.ProgramKetamine(prime: earlier != "line not primed");
            rig.Vitals = null;
            rig.Run(10);
            Break(rig, earlier);
            rig.Step();

            // The request itself, not the key: the key first asks the shortfall question (PNL-009).
            Assert.True(rig.Controller.Commands.Request(PumpTrigger.RequestStart));
            rig.Step();

            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(expected, rig.Controller.LastRejection);
        }

        // Proves: CFG-003, STM-005
        [Fact]
        public void Start_UnitNotCommissionedAndTheClampOpen_NamesTheSyringeFirst()
        {
            var rig = new PumpRig();
            Assert.Equal(ConfigProblem.NoRecord, ConfigurationApplier.LoadAndApply(rig.Store, rig.Settings, new DeviceConfiguration()));
            rig.Settings.PairedMonitorId = PumpRig.MonitorId;
            rig.ProgramKetamine();
            Assert.Equal("NOT COMMISSIONED", rig.Controller.LastRejection);
            rig.Sensors.ClampClosed = false;
            rig.Step();

            rig.Press(PanelKey.Start);

            Assert.NotEqual(PumpState.Infusing, rig.State);
            Assert.Equal("SYRINGE NOT SECURED", rig.Controller.LastRejection);
            Assert.Equal(0, rig.Driver.EnableCount);
        }

        // Proves: STM-011, INT-012
        [Fact]
        public void Reprime_AfterAStartRefusedForTheVitals_NamesTheLineNotTheStartsCause()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            rig.Vitals = null;
            rig.Run(10);                                  // the monitor falls silent in Ready
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Ready, rig.State);
            string startRefusal = rig.Controller.LastRejection;
            Assert.NotEqual("DISCONNECT LINE", startRefusal);

            // A re-prime request that skips the disconnection questions is refused for that, not for the start's vitals.
            rig.Controller.Request(PumpTrigger.RequestPrime);
            rig.Step();

            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("DISCONNECT LINE", rig.Controller.LastRejection);
        }

        // Proves: LNK-017, SEC-003
        [Fact]
        public void Start_ForeignMonitorHeardWithTheKeyFine_RefusedAsALinkFaultNotAKeyProblem()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            rig.SendAsMonitor = 0x4F544852; // another monitor on the wire: the unpaired hold-off blocks the start
            rig.Run(2);

            rig.Press(PanelKey.Start);

            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("MONITOR LINK FAULT", rig.Controller.LastRejection);
        }

        // Proves: STM-006, STM-009, INT-012
        [Theory]
        [InlineData("clamp open", "SYRINGE NOT SECURED")]
        [InlineData("force sensor dead", "DEVICE FAULT")]
        public void Resume_HeldWithTheMonitorSilentAndAnEarlierConditionUnmet_NamesTheEarlierConditionNotTheVitals(string earlier, string expected)
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Vitals = null;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 10));
            Break(rig, earlier);
            rig.Run(1);
            Assert.Equal(PumpState.InterlockHold, rig.State); // a technical stop is ignored while held (STM-009)

            rig.Press(PanelKey.Start);

            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.Equal(expected, rig.Controller.LastRejection);
        }

        private static void Break(PumpRig rig, string what)
        {
            switch (what)
            {
                case "clamp open": rig.Sensors.ClampClosed = false; break;
                case "plunger loose": rig.Sensors.PlungerEngaged = false; break;
                case "force sensor dead": rig.Sensors.ForceBroken = true; break;
                case "clock lost": rig.Rtc.Valid = false; break;
            }
        }
    }
}
