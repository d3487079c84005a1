using Pump.Core.Configuration;
using Pump.Core.Control;
using Pump.Core.Service;
using Pump.Core.Tests.Fakes;
using Pump.Core.Tests.Service;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Configuration
{
    public class CommissioningGateTests
    {
        // Proves: CFG-003
        [Fact]
        public void Start_UnitNeverCommissioned_IsRefusedSayingSoAndTheMotorNeverMoves()
        {
            var rig = new PumpRig();
            Assert.Equal(ConfigProblem.NoRecord, ConfigurationApplier.LoadAndApply(rig.Store, rig.Settings, new DeviceConfiguration()));
            Assert.Equal(0u, rig.Settings.PairedMonitorId);
            rig.Settings.PairedMonitorId = PumpRig.MonitorId; // even with a monitor, no start without a configuration
            rig.ProgramKetamine();
            Assert.Equal(0, rig.Driver.EnableCount);
            Assert.Equal("NOT COMMISSIONED", rig.Controller.LastRejection);
            rig.Press(PanelKey.Start);
            Assert.NotEqual(PumpState.Infusing, rig.State);
            Assert.Equal(0, rig.Driver.EnableCount);
            Assert.Contains("NOT COMMISSIONED", rig.Display.Text);
        }

        // Proves: CFG-003
        [Fact]
        public void LoadAndApply_ConfiguredButNotCalibrated_RefusesWithNotCalibrated()
        {
            var rig = new PumpRig();
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(rig.Store).TryWrite(new DeviceConfiguration { Serial = "SP-9" }));
            Assert.Equal(ConfigProblem.NotCalibrated, ConfigurationApplier.LoadAndApply(rig.Store, rig.Settings, new DeviceConfiguration()));
            rig.Settings.PairedMonitorId = PumpRig.MonitorId;
            rig.ProgramKetamine();
            Assert.Equal("NOT CALIBRATED", rig.Controller.LastRejection);
            Assert.Equal(0, rig.Driver.EnableCount);
        }

        // Proves: CFG-003, CFG-004
        [Fact]
        public void LoadAndApply_CalibratedAndPaired_AppliesPairingMechanismAndClinicSettingsAndInfuses()
        {
            var rig = new PumpRig();
            DeviceConfiguration c = ServiceRig.Calibrated();
            c.PairedMonitorId = PumpRig.MonitorId;
            c.OcclusionLevel = 2;
            c.NearEmptyLeadS = 420;
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(rig.Store).TryWrite(c));
            rig.Settings.PairedMonitorId = 0;
            Assert.Equal(ConfigProblem.None, ConfigurationApplier.LoadAndApply(rig.Store, rig.Settings, new DeviceConfiguration()));
            Assert.Equal(PumpRig.MonitorId, rig.Settings.PairedMonitorId);
            Assert.Equal(Pump.Core.Supervision.OcclusionLevel.High, rig.Settings.OcclusionLevel);
            Assert.Equal(420, rig.Settings.NearEmptyLeadS);
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
        }

        // Proves: CFG-005, CFG-004, LNK-020
        [Fact]
        public void Pairing_MonitorHeardThreeTimesAndConfirmed_IsStoredAndLogged()
        {
            var rig = new ServiceRig();
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(ServiceRig.Calibrated())).Status);
            rig.Keypad.Press(PanelKey.Down); // pairing page
            rig.Keypad.Press(PanelKey.Ok);   // listen
            rig.Tick();
            SendFrames(rig, 0x4D4F4E31, 2);
            rig.Tick();
            Assert.Contains("LISTENING", rig.Display.Text);
            rig.Keypad.Press(PanelKey.Ok); // nothing offered yet: OK does nothing
            rig.Tick();
            SendFrames(rig, 0x4D4F4E31, 1);
            rig.Tick();
            Assert.Contains("MONITOR " + 0x4D4F4E31u, rig.Display.Text);
            Assert.Equal("BED " + TestLinkKey.BedLabel, rig.Display.Row(2).TrimEnd()); // LNK-020
            Assert.Contains("MATCH? OK=PAIR", rig.Display.Text);
            rig.Keypad.Press(PanelKey.Ok);
            rig.Tick();
            Assert.Contains("PAIRED", rig.Display.Text);
            rig.Boot();
            Assert.Equal(0x4D4F4E31u, rig.Service.Context.Config.PairedMonitorId);
        }

        // Proves: CFG-005
        [Fact]
        public void Pairing_TwoMonitorsTalking_OffersNeither()
        {
            var rig = new ServiceRig();
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(ServiceRig.Calibrated())).Status);
            rig.Keypad.Press(PanelKey.Down);
            rig.Keypad.Press(PanelKey.Ok);
            rig.Tick();
            for (int i = 0; i < 4; i++)
            {
                SendFrames(rig, 1111, 1);
                SendFrames(rig, 2222, 1);
            }
            rig.Tick();
            Assert.Contains("LISTENING", rig.Display.Text);
            rig.Keypad.Press(PanelKey.Back);
            rig.Tick();
            rig.Boot();
            Assert.Equal(0u, rig.Service.Context.Config.PairedMonitorId);
        }

        // Proves: CFG-005
        [Fact]
        public void Pairing_BeforeTheUnitIsConfigured_IsRefused()
        {
            var rig = new ServiceRig();
            rig.Keypad.Press(PanelKey.Down);
            rig.Keypad.Press(PanelKey.Ok);
            rig.Tick();
            SendFrames(rig, 3333, 3);
            rig.Tick();
            rig.Keypad.Press(PanelKey.Ok);
            rig.Tick();
            Assert.Contains("PAIRING FAILED", rig.Display.Text);
        }

        private static uint _sequence;

        // Proves: CFG-005, LNK-020
        [Fact]
        public void Pairing_BedLabelChangesBetweenFrames_NothingIsOfferedUntilOneLabelIsHeardThreeTimes()
        {
            var rig = new ServiceRig();
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(ServiceRig.Calibrated())).Status);
            rig.Keypad.Press(PanelKey.Down);
            rig.Keypad.Press(PanelKey.Ok);
            rig.Tick();
            SendFrames(rig, 0x4D4F4E31, 2);
            SendFrames(rig, 0x4D4F4E31, 1, "ICU-4 BED 2");
            rig.Tick();
            Assert.Contains("LISTENING", rig.Display.Text);
            SendFrames(rig, 0x4D4F4E31, 2, "ICU-4 BED 2");
            rig.Tick();
            Assert.Equal("BED ICU-4 BED 2", rig.Display.Row(2).TrimEnd());
        }

        private static void SendFrames(ServiceRig rig, uint monitorId, int count, string bedLabel = TestLinkKey.BedLabel)
        {
            var buffer = new byte[Pump.Core.Link.MonitorFrameFormat.MaxFrameLength];
            var mac = TestLinkKey.NewMac();
            for (int i = 0; i < count; i++)
            {
                var v = PumpRig.Typical();
                v.MonitorId = monitorId;
                v.Boot = 1;
                v.Sequence = ++_sequence;
                v.SourceId = TestLinkKey.SourceId;
                v.SetBedLabel(bedLabel);
                int n = Pump.Core.Link.MonitorFrameEncoder.EncodeVitals(v, mac, buffer, 0);
                rig.MonitorLink.Send(buffer, n);
            }
        }
    }
}
