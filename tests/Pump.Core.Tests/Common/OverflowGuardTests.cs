using Pump.Core.Common;
using Pump.Core.Delivery;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Tests.Fakes;
using Pump.Core.Tests.Persistence;
using Xunit;

namespace Pump.Core.Tests.Common
{
    /// <summary>
    /// The explicit overflow guards on .NET (NFR-005); tests/Pump.Core.NfTests/OverflowGuardTests.cs proves the same
    /// guards on nanoCLR, where checked arithmetic does not trap. No guard may depend on the runtime throwing
    /// OverflowException: each refusal here is the core's own ArithmeticOverflowException or a false.
    /// </summary>
    public sealed class OverflowGuardTests
    {
        // Proves: NFR-005
        [Theory]
        [InlineData(1L << 62, 4L, 1L)]
        [InlineData((1L << 40) - 1, 1L << 30, 1L << 40)]   // r * b overflows though the quotient would fit
        [InlineData(-1L, 4L, 3L)]
        [InlineData(4L, 4L, 0L)]
        public void IntMath_MulDivOutsideItsRange_RefusedByTheCoreNotTheRuntime(long a, long b, long c)
        {
            Assert.False(IntMath.TryMulDiv(a, b, c, out long result));
            Assert.Equal(0, result);
            Assert.Throws<ArithmeticOverflowException>(() => IntMath.MulDiv(a, b, c));
        }

        // Proves: NFR-005
        [Fact]
        public void IntMath_TryMultiplyAndTryAdd_ExactAtTheEdgeOfLong()
        {
            Assert.True(IntMath.TryMultiply(3_037_000_499L, 3_037_000_499L, out long square));
            Assert.Equal(9_223_372_030_926_249_001L, square);
            Assert.False(IntMath.TryMultiply(3_037_000_500L, 3_037_000_500L, out _));
            Assert.False(IntMath.TryMultiply(long.MaxValue, 2, out _));
            Assert.True(IntMath.TryAdd(long.MaxValue - 1, 1, out long sum));
            Assert.Equal(long.MaxValue, sum);
            Assert.False(IntMath.TryAdd(long.MaxValue, 1, out _));
            Assert.Throws<ArithmeticOverflowException>(() => IntMath.Add(long.MaxValue, 1));
            Assert.Throws<ArithmeticOverflowException>(() => IntMath.Multiply(long.MaxValue, 2));
        }

        // Proves: NFR-005
        [Fact]
        public void StepSchedule_DueTimeBeyondLong_Refused()
        {
            Assert.Throws<ArithmeticOverflowException>(() => new StepSchedule(0, 1, long.MaxValue / 2).DueUs(3));
            Assert.Throws<ArithmeticOverflowException>(() => new StepSchedule(long.MaxValue - 10, 1, 100).DueUs(1));
        }

        // Proves: NFR-005
        [Fact]
        public void DeliveryLedger_WindowOrVolumeBeyondLong_RefusedAndCoverSaturatesAtTheCap()
        {
            Assert.Throws<ArithmeticOverflowException>(() => PersistentDeliveryLedger.WindowMicrosteps(long.MaxValue / 1000, 2, 1));

            var rig = new PersistenceRig();
            var p = rig.Boot();
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.True(p.Ledger.TryCover(100, long.MaxValue, 50, 100_000));
            Assert.Equal(100_000, p.Ledger.ReservedMicrosteps);

            var q = new PersistenceRig().Boot();
            Assert.True(q.Ledger.SetVolumeCalibration(long.MaxValue / 4, 1));
            Assert.True(q.Ledger.TryBeginDelivery());
            Assert.Throws<ArithmeticOverflowException>(() => q.Ledger.TryReserveUpTo(8));
            Assert.Equal(0, q.Ledger.ReservedMicrosteps);
        }

        // Proves: NFR-005
        [Fact]
        public void SnapshotCodec_ConcentrationBeyondInt_Refused()
        {
            var snapshot = new PumpSnapshot { ConcentrationUgPerMl = (1L << 32) + 1000 };
            var buffer = new byte[PumpSnapshotCodec.PayloadBytes];
            int length = PumpSnapshotCodec.Encode(snapshot, buffer, 0);
            Assert.False(PumpSnapshotCodec.TryDecode(buffer, 0, length, PumpSnapshotCodec.CurrentFormatVersion, new PumpSnapshot(), out _));
        }

        // Proves: NFR-005, PRG-011
        [Fact]
        public void Controller_ProgramWhoseRateProductOverflows_IsOutsideTheMechanism()
        {
            var rig = new PumpRig();
            var absurd = new InfusionProgram(1, DoseMode.PlainRate, 1, 0, 0, 0, 60, 0, 1000, 1000, 0, 0,
                totalMicrosteps: 1000, rateMicrosteps: long.MaxValue / 1000, ratePeriodUs: 1);
            Assert.False(rig.Controller.Commands.WithinMechanism(absurd));
            var slowButHugePeriod = new InfusionProgram(1, DoseMode.PlainRate, 1, 0, 0, 0, 60, 0, 1000, 1000, 0, 0,
                totalMicrosteps: 1000, rateMicrosteps: 1, ratePeriodUs: long.MaxValue / 2);
            Assert.False(rig.Controller.Commands.WithinMechanism(slowButHugePeriod));   // 5000 × period does not fit: refused, not wrapped
        }
    }
}
