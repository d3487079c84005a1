using System;
using System.Numerics;
using CsCheck;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Units
{
    [Collection(AllocationCollection.Name)]
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
            Assert.True(RunConversions(c, text) > 0); // warm-up: JIT and static initialisation may allocate

            // Tiered JIT can allocate on the test thread once in a while under a parallel test run; a real
            // allocation in the code would show in every one of the 30 000 calls of every attempt.
            long fewest = long.MaxValue;
            for (int attempt = 0; attempt < 3 && fewest != 0; attempt++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Assert.True(RunConversions(c, text) > 0);
                fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            Assert.Equal(0, fewest);
        }

        private static long RunConversions(SyringeCalibration c, char[] text)
        {
            long sink = 0;
            for (long nl = 0; nl < 10000; nl++)
            {
                c.TryNlToMicrosteps(nl * 997, out long s1);
                c.TryMicrostepsToNl(s1, out long v1);
                c.TryMicrostepsToTravelUm(s1, out long t1);
                sink += Pump.Core.Common.FixedPoint.Write(v1 + t1, 6, 1, text, 0, text.Length);
            }

            return sink;
        }

        // Proves: UNT-009
        [Fact]
        public void MicrostepsToNlCeil_TableSyringesAnyMechanism_RoundTripsExactly()
        {
            var gen = Gen.Select(Gen.Int[0, SyringeTable.Count - 1], Gen.Int[Mechanism.MinLeadUm, Mechanism.MaxLeadUm],
                Gen.Int[1, 400], Gen.Int[1, 256], Gen.Long[0, 1L << 40]);
            gen.Sample((index, lead, steps, micro, microsteps) =>
            {
                if (!Mechanism.TryCreate(lead, steps, micro, out Mechanism? m))
                {
                    return;
                }

                SyringeCalibration c = Calibrate(SyringeTable.GetAt(index), m!);
                Assert.True(c.MicrostepsPerNlNumerator <= c.MicrostepsPerNlDenominator); // at most 1 microstep per nL
                Assert.True(c.TryMicrostepsToNlCeil(microsteps, out long nl));
                Assert.True(c.TryNlToMicrosteps(nl, out long again));
                Assert.Equal(microsteps, again);

                // The floor inverse can lose a microstep on the way back; the ceiling inverse cannot.
                Assert.True(c.TryMicrostepsToNl(microsteps, out long floorNl));
                Assert.InRange(nl - floorNl, 0, 1);
            });
        }

        // Proves: UNT-009
        [Fact]
        public void MicrostepsToNl_FloorInverse_LosesAMicrostepOnTheWayBack()
        {
            // Why the ceiling inverse exists: BD 60 at 10 mL/h is 57 626 microsteps per hour, which the
            // floor inverse turns into 9 999 886 nL/h and then into 57 625 microsteps.
            SyringeCalibration c = Bd60();
            Assert.True(c.TryNlToMicrosteps(10000000, out long perHour));
            Assert.Equal(57626, perHour);
            Assert.True(c.TryMicrostepsToNl(perHour, out long floorNl));
            Assert.True(c.TryNlToMicrosteps(floorNl, out long lost));
            Assert.Equal(57625, lost);
            Assert.True(c.TryMicrostepsToNlCeil(perHour, out long ceilNl));
            Assert.True(c.TryNlToMicrosteps(ceilNl, out long kept));
            Assert.Equal(57626, kept);
        }
    }
}
