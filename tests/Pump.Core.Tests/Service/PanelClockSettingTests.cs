using System;
using Pump.Core.Service;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Service
{
    public class PanelClockSettingTests
    {
        private static void Key(ServiceRig rig, PanelKey key)
        {
            rig.Keypad.Press(key);
            rig.Tick();
        }

        private static ServiceRig OnClockPage()
        {
            var rig = new ServiceRig();
            Key(rig, PanelKey.Down);
            Key(rig, PanelKey.Down);
            Assert.Contains("OK=SET THE CLOCK", rig.Display.Text);
            return rig;
        }

        // Proves: SVC-005
        [Fact]
        public void PanelClock_YearUpAndConfirmed_SetsTheClockAndLogsIt()
        {
            ServiceRig rig = OnClockPage();
            rig.Rtc.UtcSeconds = new DateTimeOffset(2026, 9, 21, 14, 13, 20, TimeSpan.Zero).ToUnixTimeSeconds();
            Key(rig, PanelKey.Ok);
            Assert.Contains("2026-09-21 14:13", rig.Display.Text);
            Key(rig, PanelKey.Up);      // 2027
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Down);    // August
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Down);    // 13 h
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Ok);
            Assert.Contains("CLOCK SET", rig.Display.Text);
            Assert.Equal(new DateTimeOffset(2027, 8, 21, 13, 13, 0, TimeSpan.Zero).ToUnixTimeSeconds(), rig.Rtc.UtcSeconds);
        }

        // Proves: SVC-005
        [Fact]
        public void PanelClock_Back_ChangesNothing()
        {
            ServiceRig rig = OnClockPage();
            long before = rig.Rtc.UtcSeconds;
            Key(rig, PanelKey.Ok);
            Key(rig, PanelKey.Up);
            Key(rig, PanelKey.Back);
            Assert.Contains("CLOCK NOT CHANGED", rig.Display.Text);
            Assert.Equal(before, rig.Rtc.UtcSeconds);
        }

        [Theory]
        [InlineData(1970, 1, 1)]
        [InlineData(2024, 2, 29)]
        [InlineData(2099, 12, 31)]
        [InlineData(2000, 3, 1)]
        public void Calendar_DaysFromCivil_InvertsCivilFromDays(int year, int month, int day)
        {
            long days = CalendarText.DaysFromCivil(year, month, day);
            Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 86400, days);
            CalendarText.CivilFromDays(days, out long y, out int m, out int d);
            Assert.Equal((year, month, day), ((int)y, m, d));
        }
    }
}
