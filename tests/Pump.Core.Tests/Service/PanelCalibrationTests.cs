using Pump.Core.Configuration;
using Pump.Core.Service;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Service
{
    public class PanelCalibrationTests
    {
        private static void Key(ServiceRig rig, PanelKey key)
        {
            rig.Keypad.Press(key);
            rig.Tick();
        }

        private static ServiceRig OnCalibrationPage(bool withSerial = true)
        {
            var rig = new ServiceRig();
            if (withSerial)
            {
                Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(new DeviceConfiguration { Serial = "SP-7" })).Status);
            }
            for (int i = 0; i < ServiceModeController.PageCalibrate; i++)
            {
                Key(rig, PanelKey.Down);
            }
            Assert.Contains("CALIBRATE ON PANEL", rig.Display.Text);
            return rig;
        }

        // Proves: CFG-007
        [Fact]
        public void PanelCalibration_AllStepsAndSave_WritesTheMeasuredCalibrationDatedByTheClock()
        {
            ServiceRig rig = OnCalibrationPage();
            Key(rig, PanelKey.Ok);
            rig.Raw.ForceCounts = 1_000;
            Assert.Contains("REMOVE ALL LOAD", rig.Display.Text);
            Key(rig, PanelKey.Ok);
            rig.Raw.ForceCounts = 99_000;
            Assert.Contains("HANG 5 KG", rig.Display.Text);
            Key(rig, PanelKey.Ok);
            rig.Raw.PositionCounts = 310;
            Key(rig, PanelKey.Ok);
            rig.Raw.PositionCounts = 3_690;
            Key(rig, PanelKey.Ok);
            Assert.Contains("OK=SAVE", rig.Display.Text);
            Key(rig, PanelKey.Ok);
            Assert.Contains("CALIBRATION SAVED", rig.Display.Text);
            rig.Boot();
            DeviceConfiguration c = rig.Service.Context.Config;
            Assert.Equal(1_000, c.ForceZeroCounts);
            Assert.Equal(98_000, c.ForceSpanCounts);
            Assert.Equal(PanelCalibration.ReferenceMilliNewtons, c.ForceSpanMilliNewtons);
            Assert.Equal(310, c.PositionZeroCounts);
            Assert.Equal(3_690, c.PositionSpanCounts);
            Assert.Equal(rig.Rtc.UtcSeconds, c.CalibrationUtcSeconds);
            Assert.Equal("PANEL", c.CalibratedBy);
            Assert.Equal(ConfigProblem.None, ConfigurationChecks.CheckReadyToInfuse(c));
        }

        // Proves: CFG-007
        [Fact]
        public void PanelCalibration_BackBeforeSave_StoresNothing()
        {
            ServiceRig rig = OnCalibrationPage();
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Ok);
            rig.Raw.ForceCounts = 99_000;
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Ok);
            rig.Raw.PositionCounts = 3_700;
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Back);
            rig.Boot();
            Assert.False(rig.Service.Context.Config.IsCalibrated);
        }

        // Proves: CFG-007
        [Fact]
        public void PanelCalibration_ImpossibleReadings_AreRefusedNotStored()
        {
            ServiceRig rig = OnCalibrationPage();
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Ok); // no mass hung: zero span
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Ok);
            Assert.Contains("FORCE CAL INVALID", rig.Display.Text);
            rig.Boot();
            Assert.False(rig.Service.Context.Config.IsCalibrated);
        }

        // Proves: CFG-007
        [Fact]
        public void PanelCalibration_UnitWithoutSerial_AsksForOneFirst()
        {
            ServiceRig rig = OnCalibrationPage(withSerial: false);
            Key(rig, PanelKey.Ok);
            Assert.Contains("SET SERIAL FIRST", rig.Display.Text);
        }
    }
}
