using System;
using System.Numerics;
using CsCheck;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Units
{
    public sealed class CalibrationTests
    {
        private static SyringeCalibration Calibrate(SyringeSpec spec, Mechanism mechanism)
        {
            Assert.True(SyringeCalibration.TryCreate(spec, mechanism, out SyringeCalibration? cal));
            return cal!;
        }

        private static SyringeCalibration Bd60()
        {
            Assert.True(SyringeTable.TryFind(105, out SyringeSpec? spec));
            return Calibrate(spec!, Mechanism.Reference);
        }

        // Proves: UNT-003
        [Fact]
        public void Calibration_EveryTableSyringe_IsReducedExactAreaRatio()
        {
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                SyringeSpec s = SyringeTable.GetAt(i);
                SyringeCalibration c = Calibrate(s, Mechanism.Reference);

                // N / D == 3200 * 452 * 10^6 / (1000 * 355 * d^2), by cross-multiplication.
                BigInteger num = (BigInteger)3200 * 452 * 1000000;
                BigInteger den = (BigInteger)1000 * 355 * s.InnerDiameterUm * s.InnerDiameterUm;
                Assert.Equal(num * c.MicrostepsPerNlDenominator, den * c.MicrostepsPerNlNumerator);
                Assert.Equal(BigInteger.One, BigInteger.GreatestCommonDivisor(c.MicrostepsPerNlNumerator, c.MicrostepsPerNlDenominator));

                // Per mL is per nL times 10^6, also reduced.
                Assert.Equal((BigInteger)c.MicrostepsPerNlNumerator * 1000000 * c.MicrostepsPerMlDenominator,
                    (BigInteger)c.MicrostepsPerMlNumerator * c.MicrostepsPerNlDenominator);
                Assert.Equal(BigInteger.One, BigInteger.GreatestCommonDivisor(c.MicrostepsPerMlNumerator, c.MicrostepsPerMlDenominator));
            }
        }

        // Proves: UNT-003
        [Fact]
        public void Calibration_PiApproximation_AreaErrorFarBelowOneHundredthPercent()
        {
            double relative = Math.Abs(355.0 / 113.0 - Math.PI) / Math.PI;
            Assert.True(relative < 1e-6, relative.ToString());
            Assert.True(relative < 1e-4);
        }

        // Proves: UNT-003
        [Fact]
        public void Calibration_Bd60OnReferenceMechanism_About5763MicrostepsPerMl()
        {
            SyringeCalibration c = Bd60();
            double exact = 3200.0 / (Math.PI * 13.295 * 13.295) * 1000.0; // microsteps per mm / mL per mm
            double ratio = (double)c.MicrostepsPerMlNumerator / c.MicrostepsPerMlDenominator;
            Assert.True(Math.Abs(ratio - exact) / exact < 1e-6, ratio + " vs " + exact);
            Assert.True(c.TryNlToMicrosteps(1000000, out long oneMl));
            Assert.Equal(5762, oneMl);
        }

        // Proves: UNT-004
        [Fact]
        public void Conversions_AnyVolumeAndSyringe_RoundDownExactly()
        {
            Gen.Select(Gen.Int[0, SyringeTable.Count - 1], Gen.Long[0, 100000000000L]).Sample((index, nl) =>
            {
                SyringeCalibration c = Calibrate(SyringeTable.GetAt(index), Mechanism.Reference);
                BigInteger n = c.MicrostepsPerNlNumerator;
                BigInteger d = c.MicrostepsPerNlDenominator;

                Assert.True(c.TryNlToMicrosteps(nl, out long steps));
                Assert.True(steps * d <= nl * n && nl * n < (steps + 1) * d);

                Assert.True(c.TryMicrostepsToNl(nl, out long back));
                Assert.True(back * n <= nl * d && nl * d < (back + 1) * n);

                // A round trip never gains volume.
                Assert.True(c.TryMicrostepsToNl(steps, out long roundTrip));
                Assert.True(roundTrip <= nl);

                Assert.True(c.TryMicrostepsToTravelUm(nl, out long travel));
                Assert.True((BigInteger)travel * 3200 <= (BigInteger)nl * 1000 && (BigInteger)nl * 1000 < (BigInteger)(travel + 1) * 3200);
                Assert.True(c.TryTravelUmToMicrosteps(nl, out long fromTravel));
                Assert.Equal((BigInteger)nl * 3200 / 1000, (BigInteger)fromTravel);
            });
        }

        // Proves: UNT-005
        [Fact]
        public void Conversions_AnyValidMechanismAndBore_NeverOverflowAndStayExact()
        {
            var gen = Gen.Select(Gen.Int[Mechanism.MinLeadUm, Mechanism.MaxLeadUm], Gen.Int[1, 400], Gen.Int[1, 256],
                Gen.Int[SyringeSpec.MinInnerDiameterUm, SyringeSpec.MaxInnerDiameterUm], Gen.Long[0, 1L << 40]);
            gen.Sample((lead, steps, micro, diameter, nl) =>
            {
                if (!Mechanism.TryCreate(lead, steps, micro, out Mechanism? m))
                {
                    Assert.True(steps * micro > Mechanism.MaxMicrostepsPerRev);
                    return;
                }

                var spec = new SyringeSpec(1, "T", 60000000L, diameter, 1000, "test");
                SyringeCalibration c = Calibrate(spec, m!);
                Assert.InRange(c.MicrostepsPerNlDenominator, 1, Ratio.MaxOperand);
                Assert.InRange(c.MicrostepsPerNlNumerator, 1, Ratio.MaxOperand);
                Assert.True(c.TryNlToMicrosteps(nl, out long steps2));
                Assert.Equal((BigInteger)nl * c.MicrostepsPerNlNumerator / c.MicrostepsPerNlDenominator, (BigInteger)steps2);
                Assert.True(c.TryMicrostepsToNl(steps2, out long back));
                Assert.True(back <= nl);
            });
        }

        // Proves: UNT-005
        [Fact]
        public void Schedule_24hAt1200MlPerHourEverySyringe_NoOverflowWithCheckedArithmetic()
        {
            const long rateNlPerH = 1200000000L; // plain mL/h profile hard max
            const long hours = 24;
            const long periodUs = 3600000000L;
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                SyringeCalibration c = Calibrate(SyringeTable.GetAt(i), Mechanism.Reference);
                long volumeNl = checked(rateNlPerH * hours);
                Assert.True(c.TryNlToMicrosteps(rateNlPerH, out long perHour));
                Assert.True(c.TryNlToMicrosteps(volumeNl, out long total));
                Assert.True(total >= checked(perHour * hours));

                // The delivery engine's absolute schedule: step n due at floor(n * period / rate).
                long lastDueProduct = checked(total * periodUs);
                long lastDueUs = lastDueProduct / perHour;
                Assert.InRange(lastDueUs, hours * periodUs - periodUs, checked(hours * periodUs + periodUs));
                long elapsedUs = checked(hours * periodUs);
                long stepsByThen = checked(elapsedUs * perHour) / periodUs;
                Assert.Equal(checked(perHour * hours), stepsByThen);

                Assert.True(c.TryMicrostepsToNl(total, out long deliveredNl));
                Assert.True(deliveredNl <= volumeNl);
                Assert.True(c.TryMicrostepsToTravelUm(total, out long travelUm));
                Assert.True(travelUm > 0);
            }
        }

        // Proves: UNT-006
        [Fact]
        public void Conversions_OutOfRangeInput_ReturnFalseWithoutThrowing()
        {
            SyringeCalibration c = Bd60();
            Assert.False(c.TryNlToMicrosteps(-1, out long a));
            Assert.Equal(0, a);
            Assert.False(c.TryMicrostepsToNl(long.MaxValue, out _)); // result would not fit
            Assert.False(c.TryMicrostepsToTravelUm(-5, out _));
            Assert.False(SyringeCalibration.TryCreate(new SyringeSpec(1, "X", 1, 999, 1, "s"), Mechanism.Reference, out var none));
            Assert.Null(none);
        }

        // Proves: UNT-001
        // Proves: PRG-007
        [Fact]
        public void Calibration_NominalCapacity_FitsUsableTravelOfEverySyringe()
        {
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                SyringeCalibration c = Calibrate(SyringeTable.GetAt(i), Mechanism.Reference);
                Assert.True(c.TryNlToMicrosteps(c.Syringe.UsableVolumeNl, out long steps));
                Assert.True(steps <= c.UsableTravelMicrosteps, c.Syringe.DisplayName);
                Assert.True(c.UsableTravelMicrosteps - steps <= 4, c.Syringe.DisplayName); // travel is at most 1 µm long
            }
        }

        // Proves: UNT-008
        [Fact]
        public void ConversionsAndFormatting_Repeated_AllocateNothing()
        {
            SyringeCalibration c = Bd60();
            char[] text = new char[Pump.Core.Common.FixedPoint.MaxChars];
            long sink = 0;
            c.TryNlToMicrosteps(1, out long warm);
            Pump.Core.Common.FixedPoint.Write(warm, 6, 1, text, 0, text.Length);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long nl = 0; nl < 10000; nl++)
            {
                c.TryNlToMicrosteps(nl * 997, out long s1);
                c.TryMicrostepsToNl(s1, out long v1);
                c.TryMicrostepsToTravelUm(s1, out long t1);
                sink += Pump.Core.Common.FixedPoint.Write(v1 + t1, 6, 1, text, 0, text.Length);
            }

            Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
            Assert.True(sink > 0);
        }
    }
}
