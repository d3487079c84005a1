using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The tick's one reading of the sensors: failed reads are recorded as such and never become references.</summary>
    public sealed class SensorFrameTests
    {
        private sealed class SwitchableClamp : ISyringeClamp
        {
            public bool Readable { get; set; } = true;
            public bool Closed { get; set; } = true;
            public bool Engaged { get; set; } = true;

            public bool TryRead(out bool clampClosed, out bool plungerEngaged)
            {
                // A failing read still hands back whatever the lines happen to show.
                clampClosed = Closed;
                plungerEngaged = Engaged;
                return Readable;
            }
        }

        private readonly IdealStepHardware _steps = new();
        private readonly FakeSensors _sensors = new();
        private readonly SwitchableClamp _clamp = new();
        private readonly PumpHardware _hw;

        public SensorFrameTests()
        {
            _hw = new PumpHardware(new ManualClock(), _steps, _steps, new FakeDriver(), _sensors, _sensors, _clamp, new FakeLink(),
                new FakeDisplay(), new FakeKeypad(), new RecordingAnnunciator(), new FakeStore(), new FakeWatchdog(), new FakeRtc());
        }

        // Proves: TEC-004, TEC-005
        [Fact]
        public void Read_CounterAndPositionFail_KeepTheirLastValidReadingsAndSayTheyFailed()
        {
            var frame = new SensorFrame();
            _sensors.PositionUm = 45_000;
            frame.Read(_hw);
            Assert.True(frame.CounterOk);
            Assert.True(frame.PositionOk);
            Assert.Equal(45_000, frame.PositionUm);
            long counter = frame.RawCounter;

            _steps.RunawayPulses = 5;   // what a failing counter hands back is not taken
            _steps.CounterBroken = true;
            _sensors.PositionBroken = true;
            _sensors.PositionUm = 99_000;
            frame.Read(_hw);
            Assert.False(frame.CounterOk);
            Assert.False(frame.PositionOk);
            Assert.Equal(counter, frame.RawCounter);
            Assert.Equal(45_000, frame.PositionUm);

            _steps.CounterBroken = false;
            _sensors.PositionBroken = false;
            frame.Read(_hw);
            Assert.True(frame.CounterOk);
            Assert.Equal(counter + 5, frame.RawCounter);
            Assert.True(frame.PositionOk);
            Assert.Equal(99_000, frame.PositionUm);
        }

        // Proves: TEC-007
        [Fact]
        public void Read_ForceSensorFails_ForceNotOkAndReadAgainOnceItAnswers()
        {
            var frame = new SensorFrame();
            _sensors.ForceMilliNewtons = 7_500;
            frame.Read(_hw);
            Assert.True(frame.ForceOk);
            Assert.Equal(7_500, frame.ForceMilliNewtons);
            _sensors.ForceBroken = true;
            frame.Read(_hw);
            Assert.False(frame.ForceOk);
            _sensors.ForceBroken = false;
            _sensors.ForceMilliNewtons = 8_000;
            frame.Read(_hw);
            Assert.True(frame.ForceOk);
            Assert.Equal(8_000, frame.ForceMilliNewtons);
        }

        // Proves: TEC-006
        [Theory]
        [InlineData(true, true, true, true)]
        [InlineData(true, false, true, false)]
        [InlineData(true, true, false, false)]
        [InlineData(false, true, true, false)]
        public void Read_ClampSwitches_SecuredOnlyWhenReadableClosedAndEngaged(bool readable, bool closed, bool engaged, bool secured)
        {
            var frame = new SensorFrame();
            _clamp.Readable = readable;
            _clamp.Closed = closed;
            _clamp.Engaged = engaged;
            frame.Read(_hw);
            Assert.Equal(readable, frame.ClampReadable);
            Assert.Equal(readable && closed, frame.ClampClosed);
            Assert.Equal(readable && engaged, frame.PlungerEngaged);
            Assert.Equal(secured, frame.SyringeSecured);
        }
    }
}
