using Pump.Hal;
using Pump.Sim.Hardware;
using Xunit;

namespace Pump.Simulator.Tests.Hardware
{
    public class VirtualDeviceTests
    {
        // Proves: SIM-001
        [Fact]
        public void SimClock_OnlyMovesWhenStepped_AndNeverBackwards()
        {
            var c = new SimClock();
            Assert.Equal(0, c.NowUs);
            c.AdvanceTo(50_000);
            Assert.Equal(50_000, c.NowUs);
            Assert.Throws<System.ArgumentOutOfRangeException>(() => c.AdvanceTo(10));
        }

        [Fact]
        public void Watchdog_NotKickedWithinTimeout_Expires()
        {
            var clock = new SimClock();
            var w = new SimWatchdog(clock, timeoutMs: 1000);
            clock.AdvanceTo(900_000);
            w.Kick();
            clock.AdvanceTo(1_900_000);
            Assert.False(w.HasExpired);
            clock.AdvanceTo(1_900_001);
            Assert.True(w.HasExpired);
        }

        [Fact]
        public void MonitorLink_FullBufferOrDisconnected_LosesBytesAndNeverThrows()
        {
            var link = new SimMonitorLink(new PowerRail(), bufferBytes: 4);
            link.Write(new byte[] { 1, 2, 3, 4, 5, 6 }, 0, 6);
            Assert.Equal(2, link.BytesLost);
            var buf = new byte[10];
            Assert.Equal(4, link.Read(buf, 0, 10));
            link.Disconnected = true;
            link.Write(new byte[] { 9 }, 0, 1);
            Assert.Equal(0, link.Read(buf, 0, 10));
        }

        [Fact]
        public void Keypad_PressesComeOutInOrder_AndNoneWhilePowerIsOff()
        {
            var power = new PowerRail();
            var k = new SimKeypad(power);
            k.Press(PanelKey.Up);
            k.Press(PanelKey.Ok);
            Assert.True(k.TryReadKey(out PanelKey a));
            Assert.True(k.TryReadKey(out PanelKey b));
            Assert.Equal(PanelKey.Up, a);
            Assert.Equal(PanelKey.Ok, b);
            power.Cut();
            Assert.False(k.Press(PanelKey.Start));
        }

        [Fact]
        public void Display_WrongLengthRow_IsCountedNotThrown()
        {
            var d = new SimDisplay();
            d.WriteRow(0, "HELLO               ".ToCharArray());
            d.WriteRow(9, new char[20]);
            d.WriteRow(1, new char[3]);
            Assert.Equal("HELLO               ", d.RowText(0));
            Assert.Equal(2, d.MalformedWrites);
        }

        [Fact]
        public void MotorDriver_WatchdogHoldsEnableLow()
        {
            var power = new PowerRail();
            var m = new SimMotorDriver(power);
            m.Enable();
            Assert.True(m.IsEnabled);
            m.HeldOffByWatchdog = true;
            Assert.False(m.IsEnabled);
            m.Enable();
            Assert.False(m.IsEnabled);
        }
    }
}
