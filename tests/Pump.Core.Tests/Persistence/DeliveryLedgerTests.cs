using System;
using Pump.Core.Persistence;
using Xunit;
using Xunit.Abstractions;

namespace Pump.Core.Tests.Persistence
{
    public sealed class DeliveryLedgerTests
    {
        private readonly ITestOutputHelper _output;

        public DeliveryLedgerTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Powers the rig up and opens a new program's delivery (persisted 0, exact).</summary>
        private static PumpPersistence BootAndBegin(PersistenceRig rig)
        {
            var p = rig.Boot();
            Assert.True(p.Ledger.TryBeginDelivery());
            return p;
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_ReserveThenRecordExact_PersistsBoundThenExactCount()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            var ledger = p.Ledger;
            Assert.True(ledger.SetVolumeCalibration(1_000_000, 2858));
            Assert.False(ledger.TryReserveUpTo(10)); // closed until a program begins
            Assert.True(ledger.TryBeginDelivery());
            Assert.True(ledger.TryReserveUpTo(1000));
            Assert.Equal(1000, ledger.ReservedMicrosteps);
            Assert.False(ledger.IsExact);
            Assert.Equal(349_896, ledger.VolumeDeliveredNl); // ceil(1000 * 1e6 / 2858) = ceil(349,895.03)
            Assert.True(ledger.TryReserveUpTo(500));         // already covered: no lowering
            Assert.Equal(1000, ledger.ReservedMicrosteps);

            var after = rig.Boot();
            Assert.Equal(1000, after.State.Current.DeliveredMicrosteps);
            Assert.False(after.State.Current.DeliveredIsExact);
            Assert.True(after.Report.DeliveryInterrupted);

            Assert.Equal(1000, after.Ledger.ContinueAfterRestart());
            Assert.True(after.Ledger.TryRecordExact(987));
            var last = rig.Boot();
            Assert.Equal(987, last.State.Current.DeliveredMicrosteps);
            Assert.True(last.State.Current.DeliveredIsExact);
            Assert.False(last.Report.DeliveryInterrupted);
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_ControllerSaveWithLowerDelivered_CannotLowerThePersistedBound()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryReserveUpTo(5000));
            p.State.Current.DeliveredMicrosteps = 3; // a careless writer
            p.State.Current.PumpStateCode = 42;
            Assert.True(p.State.TrySave());
            var after = rig.Boot();
            Assert.Equal(5000, after.State.Current.DeliveredMicrosteps);
            Assert.Equal(42, after.State.Current.PumpStateCode);
        }

        // Proves: PER-013
        [Fact]
        public void Ledger_WriteFails_CoverRefusesAndBoundStays()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryCover(100, 400, 50, 100_000));
            Assert.Equal(500, p.Ledger.ReservedMicrosteps);
            rig.Store.FailWrites = true;
            Assert.True(p.Ledger.TryCover(460, 400, 50, 100_000));   // still covered; refresh attempted and failed
            Assert.False(p.Ledger.TryCover(501, 400, 50, 100_000));  // not covered: the engine must not command it
            Assert.Equal(500, p.Ledger.ReservedMicrosteps);
            Assert.Equal(2, p.Ledger.WriteFailureCount);
            Assert.Equal(500, p.State.Current.DeliveredMicrosteps);
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_CountAboveReservation_IsRecordedAndFlagged()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryReserveUpTo(100));
            Assert.True(p.Ledger.TryRecordExact(130));
            Assert.Equal(30, p.Ledger.ReservationOverrunMicrosteps);
            Assert.Equal(130, rig.Boot().State.Current.DeliveredMicrosteps);
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_Cover_ClampsToProgramTotalAndStopsWritingAtTheCap()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryCover(900, 400, 50, 1000));
            Assert.Equal(1000, p.Ledger.ReservedMicrosteps);
            int writes = rig.Store.WriteCalls;
            Assert.True(p.Ledger.TryCover(1000, 400, 50, 1000));
            Assert.Equal(writes, rig.Store.WriteCalls);
        }

        // Proves: PER-007
        [Theory]
        [InlineData(10_000, 150_045, 3_600_000_000, 417)]  // 52.5 mL/h at 2858 microsteps/mL: 416.79 -> 417
        [InlineData(30_000, 150_045, 3_600_000_000, 1251)] // 1250.375 -> 1251
        [InlineData(1000, 3, 1_000_000, 3)]
        [InlineData(0, 3, 1_000_000, 0)]
        public void Ledger_WindowMicrosteps_IsTheStepsDueInTheWindowRoundedUp(long windowMs, long rateMicrosteps, long ratePeriodUs, long expected)
        {
            Assert.Equal(expected, PersistentDeliveryLedger.WindowMicrosteps(windowMs, rateMicrosteps, ratePeriodUs));
        }

        // Proves: PER-006
        [Theory]
        [InlineData(0, 2858)]
        [InlineData(1_000_000, 0)]
        [InlineData(-1, 2858)]
        [InlineData(1_000_000, -1)]
        public void Ledger_CalibrationNotPositive_RefusedAndVolumeStaysUnknown(long nanolitres, long microsteps)
        {
            var p = new PersistenceRig().Boot();
            Assert.False(p.Ledger.SetVolumeCalibration(nanolitres, microsteps));
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.True(p.Ledger.TryReserveUpTo(1000));
            Assert.Equal(-1, p.Ledger.VolumeDeliveredNl);
            Assert.True(p.Ledger.SetVolumeCalibration(1, 1));
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_ExactCount_VolumeRoundsDownWhileAReservationRoundsUp()
        {
            var p = new PersistenceRig().Boot();
            Assert.True(p.Ledger.SetVolumeCalibration(1_000_000, 2858));
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.True(p.Ledger.TryReserveUpTo(1000));
            Assert.Equal(349_896, p.Ledger.VolumeDeliveredNl); // ceil(349,895.03): an upper bound
            Assert.True(p.Ledger.TryRecordExact(1000));
            Assert.Equal(349_895, p.Ledger.VolumeDeliveredNl); // floor: doses round down once exact
            Assert.True(p.Ledger.IsExact);
            Assert.False(p.Ledger.IsDeliveryActive);
        }

        // Proves: PER-006, PER-013
        [Fact]
        public void Ledger_NegativeRequests_RefusedWithoutWriting()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            int writes = rig.Store.WriteCalls;
            Assert.False(p.Ledger.TryReserveUpTo(-1));
            Assert.False(p.Ledger.TryCover(-1, 400, 50, 1000));
            Assert.False(p.Ledger.TryRecordExact(-1));
            Assert.Equal(writes, rig.Store.WriteCalls);
            Assert.Equal(0, p.Ledger.ReservedMicrosteps);
            Assert.True(p.Ledger.TryReserveUpTo(0)); // zero is covered by the exact 0 of a new program
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_ReserveExactlyTheCurrentBound_NoWrite()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryReserveUpTo(700));
            int writes = rig.Store.WriteCalls;
            Assert.True(p.Ledger.TryReserveUpTo(700));
            Assert.Equal(writes, rig.Store.WriteCalls);
            Assert.True(p.Ledger.TryReserveUpTo(701));
            Assert.True(rig.Store.WriteCalls > writes);
            Assert.Equal(701, p.Ledger.ReservedMicrosteps);
        }

        // Proves: PER-006, PER-007
        [Fact]
        public void Ledger_Cover_RefreshesExactlyWhenTheMarginRunsOut()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryCover(100, 400, 50, 100_000));
            Assert.Equal(500, p.Ledger.ReservedMicrosteps);
            int writes = rig.Store.WriteCalls;
            Assert.True(p.Ledger.TryCover(450, 400, 50, 100_000)); // 450 + 50 = 500: the margin still fits
            Assert.Equal(writes, rig.Store.WriteCalls);
            Assert.True(p.Ledger.TryCover(451, 400, 50, 100_000)); // 451 + 50 > 500: reserve 851
            Assert.True(rig.Store.WriteCalls > writes);
            Assert.Equal(851, p.Ledger.ReservedMicrosteps);
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_Cover_AtTheCapWithinTheMargin_NoFurtherWrite()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryCover(900, 400, 50, 1000));
            Assert.Equal(1000, p.Ledger.ReservedMicrosteps);
            int writes = rig.Store.WriteCalls;
            Assert.True(p.Ledger.TryCover(990, 400, 50, 1000)); // inside the margin but nothing more can be reserved
            Assert.Equal(writes, rig.Store.WriteCalls);
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_Cover_CapBelowTheCommandedEnd_ReservesTheCommandedEnd()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryCover(1200, 400, 50, 1000));
            Assert.Equal(1200, p.Ledger.ReservedMicrosteps);
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_RecordExactAtTheBound_NoOverrunAndANewProgramClearsAnOverrun()
        {
            var p = BootAndBegin(new PersistenceRig());
            Assert.True(p.Ledger.TryReserveUpTo(100));
            Assert.True(p.Ledger.TryRecordExact(100));
            Assert.Equal(0, p.Ledger.ReservationOverrunMicrosteps);
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.True(p.Ledger.TryReserveUpTo(10));
            Assert.True(p.Ledger.TryRecordExact(25));
            Assert.Equal(15, p.Ledger.ReservationOverrunMicrosteps);
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.Equal(0, p.Ledger.ReservationOverrunMicrosteps);
            Assert.Equal(0, p.Ledger.ReservedMicrosteps);
            Assert.True(p.Ledger.IsExact);
        }

        // Proves: PER-006, PER-013
        [Fact]
        public void Ledger_BeginFails_LedgerClosedSoNoOldBoundIsUsable()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryReserveUpTo(5000));
            rig.Store.FailWrites = true;
            Assert.False(p.Ledger.TryBeginDelivery());
            Assert.False(p.Ledger.IsOpen);
            Assert.False(p.Ledger.TryCover(10, 400, 50, 100_000)); // 10 < 5000, but the old program's bound is not this one's
            Assert.False(p.Ledger.TryReserveUpTo(1));
            Assert.Equal(1, p.Ledger.WriteFailureCount);
        }

        // Proves: PER-006, PER-012
        [Fact]
        public void Ledger_CloseInterrupted_KeepsTheRecoveredBoundAndVolumeClearsActiveAndCloses()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            Assert.True(p.Ledger.SetVolumeCalibration(1_000_000, 2858));
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.True(p.Ledger.TryReserveUpTo(1000));

            var after = rig.Boot(); // power cut mid-delivery; no calibration set yet after the restart
            Assert.True(after.Ledger.IsDeliveryActive);
            Assert.False(after.Ledger.IsOpen);
            Assert.Equal(349_896, after.Ledger.VolumeDeliveredNl);
            Assert.True(after.Ledger.TryCloseInterrupted());
            Assert.False(after.Ledger.IsDeliveryActive);
            Assert.False(after.Ledger.IsOpen);
            Assert.Equal(1000, after.Ledger.ReservedMicrosteps);
            Assert.False(after.Ledger.IsExact);
            Assert.Equal(349_896, after.Ledger.VolumeDeliveredNl);

            var last = rig.Boot();
            Assert.False(last.Report.DeliveryInterrupted);
            Assert.Equal(1000, last.State.Current.DeliveredMicrosteps);
            Assert.Equal(349_896, last.Ledger.VolumeDeliveredNl);
            int writes = rig.Store.WriteCalls;
            Assert.True(last.Ledger.TryCloseInterrupted()); // nothing interrupted: nothing written
            Assert.Equal(writes, rig.Store.WriteCalls);
        }

        // Proves: PER-013
        [Fact]
        public void Ledger_CloseInterruptedWriteFails_StaysActiveForTheNextPowerUp()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryReserveUpTo(1000));
            var after = rig.Boot();
            Assert.True(after.Ledger.ContinueAfterRestart() == 1000 && after.Ledger.IsOpen);
            rig.Store.FailWrites = true;
            Assert.False(after.Ledger.TryCloseInterrupted());
            Assert.True(after.Ledger.IsDeliveryActive);
            Assert.True(after.Ledger.IsOpen);
            rig.Store.FailWrites = false;
            Assert.True(rig.Boot().Report.DeliveryInterrupted);
        }

        // Proves: PER-006
        [Fact]
        public void Ledger_ContinuedThenClosedAsInterrupted_NoLongerReserves()
        {
            var rig = new PersistenceRig();
            var p = BootAndBegin(rig);
            Assert.True(p.Ledger.TryReserveUpTo(1000));
            var after = rig.Boot();
            after.Ledger.ContinueAfterRestart();
            Assert.True(after.Ledger.TryCloseInterrupted());
            Assert.False(after.Ledger.IsOpen);
            Assert.False(after.Ledger.TryReserveUpTo(2000));
            Assert.Equal(1000, after.Ledger.ReservedMicrosteps);
        }

        // Proves: PER-007
        [Theory]
        [InlineData(-1, 3, 1_000_000)]
        [InlineData(1000, 0, 1_000_000)]
        [InlineData(1000, -3, 1_000_000)]
        [InlineData(1000, 3, 0)]
        [InlineData(1000, 3, -1_000_000)]
        public void Ledger_WindowMicrostepsOfAnUnusableRateOrWindow_IsZero(long windowMs, long rateMicrosteps, long ratePeriodUs)
        {
            Assert.Equal(0, PersistentDeliveryLedger.WindowMicrosteps(windowMs, rateMicrosteps, ratePeriodUs));
        }

        /// <summary>
        /// A delivery engine reduced to the ledger protocol, on an absolute step schedule (D2):
        /// every tick it wants the steps due by now + look-ahead commanded, covers them with the ledger
        /// first, and the "hardware" emits commanded steps as they fall due.
        /// </summary>
        internal sealed class InfusionRun
        {
            // Illustrative syringe: 2858 microsteps per mL (60 mL syringe, 26.7 mm bore, 2 mm lead, 3200 microsteps/rev).
            public const long MicrostepsPerMl = 2858;
            public const long TickMs = 50;
            public const long LookAheadMs = 1000;

            public long RateMicrosteps;     // 52.5 mL/h = 150,045 microsteps per hour
            public long RatePeriodUs = 3_600_000_000;
            public long TotalMicrosteps;
            public long WindowMs = PersistentDeliveryLedger.DefaultReservationWindowMs;
            public long MarginMs = PersistentDeliveryLedger.DefaultRefreshMarginMs;

            public long CutAtMs = -1;   // power fails at this time (between writes); -1 = never

            public long Emitted;        // truly delivered
            public long CommandedEnd;   // handed to the step generator
            public bool Finished;
            public long Writes;

            /// <summary>Largest (persisted bound - truly delivered) seen at any tick: the over-statement a
            /// power cut at that moment would leave.</summary>
            public long WorstOverMicrosteps;

            /// <summary>Ticks at which a commanded step was not covered by the persisted bound (must stay 0).</summary>
            public int UncoveredTicks;

            public long DueAt(long ms) => Math.Min(ms * 1000 * RateMicrosteps / RatePeriodUs, TotalMicrosteps);

            /// <summary>Runs until the infusion completes or power is cut.</summary>
            public void Run(PumpPersistence p, PowerCutStore store)
            {
                var ledger = p.Ledger;
                ledger.SetVolumeCalibration(1_000_000, MicrostepsPerMl);
                p.State.Current.ProgramPresent = true;
                p.State.Current.TotalMicrosteps = TotalMicrosteps;
                p.State.Current.RateMicrosteps = RateMicrosteps;
                p.State.Current.RatePeriodUs = RatePeriodUs;
                if (!ledger.TryBeginDelivery())
                {
                    return;
                }

                long window = PersistentDeliveryLedger.WindowMicrosteps(WindowMs, RateMicrosteps, RatePeriodUs);
                long margin = PersistentDeliveryLedger.WindowMicrosteps(MarginMs, RateMicrosteps, RatePeriodUs);
                for (long t = 0; ; t += TickMs)
                {
                    if (CutAtMs >= 0 && t >= CutAtMs)
                    {
                        Emitted = Math.Min(DueAt(t), CommandedEnd);
                        store.PowerOffNow();
                        return;
                    }

                    long want = DueAt(t + LookAheadMs);
                    long calls = store.WriteCalls;
                    if (ledger.TryCover(want, window, margin, TotalMicrosteps))
                    {
                        CommandedEnd = Math.Max(CommandedEnd, want);
                    }

                    Writes += store.WriteCalls > calls ? 1 : 0;
                    if (store.PoweredOff)
                    {
                        return;
                    }

                    Emitted = Math.Min(DueAt(t), CommandedEnd);
                    if (ledger.ReservedMicrosteps < CommandedEnd)
                    {
                        UncoveredTicks++;
                    }

                    WorstOverMicrosteps = Math.Max(WorstOverMicrosteps, ledger.ReservedMicrosteps - Emitted);
                    if (Emitted >= TotalMicrosteps)
                    {
                        break;
                    }
                }

                // Orderly stop: generator stopped, counter read.
                if (ledger.TryRecordExact(Emitted))
                {
                    Finished = true;
                }
            }
        }

        private static InfusionRun At52_5MlPerHour(long windowMs) => new InfusionRun
        {
            RateMicrosteps = 150_045,          // 52.5 mL/h x 2858 microsteps/mL
            TotalMicrosteps = 35 * InfusionRun.MicrostepsPerMl, // 70 kg x 0.5 mg/kg at 1 mg/mL = 35 mL over 40 min
            WindowMs = windowMs,
        };

        // Proves: PER-006, PER-007
        [Theory]
        [InlineData(10_000)]
        [InlineData(30_000)]
        public void Ledger_PowerCutAtRandomPointsOfAnInfusion_PersistedNeverBelowTruthAndOverstatementBounded(long windowMs)
        {
            // Uncut run: completes exactly, never commands an unreserved step, and measures the over-statement
            // a cut at each tick would leave.
            var dryRig = new PersistenceRig();
            var dry = dryRig.Boot();
            long before = dryRig.Store.BytesWritten;
            var full = At52_5MlPerHour(windowMs);
            full.Run(dry, dryRig.Store);
            Assert.True(full.Finished);
            Assert.Equal(0, full.UncoveredTicks);
            long infusionBytes = dryRig.Store.BytesWritten - before;
            Assert.Equal(full.TotalMicrosteps, RebootedDelivered(dryRig));
            long infusionMs = 40 * 60 * 1000;

            var random = new Random(52_500 + (int)windowMs);
            long worstAfterReboot = 0;
            int cuts = 0;
            int interrupted = 0;
            for (int i = 0; i < 600; i++)
            {
                var rig = new PersistenceRig();
                var p = rig.Boot();
                var run = At52_5MlPerHour(windowMs);
                if (i < 250)
                {
                    rig.Store.CutPowerAfter(random.NextInt64(infusionBytes)); // inside some write: a torn write
                }
                else if (i < 500)
                {
                    run.CutAtMs = random.NextInt64(infusionMs);               // between writes
                }
                else
                {
                    rig.Store.CutPowerAfter(i - 500);                         // every byte of the first writes
                }

                run.Run(p, rig.Store);
                Assert.True(rig.Store.PoweredOff, "run " + i + " finished " + run.Finished + " bytes " + rig.Store.BytesWritten + " of " + infusionBytes + " cutAt " + run.CutAtMs);

                var after = rig.Boot();
                long persisted = after.State.Current.DeliveredMicrosteps;
                Assert.True(after.Report.SnapshotRecovered);
                // Everything commanded may have run before the supply died: the bound covers it all.
                Assert.True(persisted >= run.CommandedEnd, $"cut {i}: persisted {persisted} < commanded {run.CommandedEnd}");
                Assert.True(persisted >= run.Emitted);
                if (!after.State.Current.DeliveredIsExact)
                {
                    interrupted++;
                    Assert.True(after.Report.DeliveryInterrupted);
                }

                worstAfterReboot = Math.Max(worstAfterReboot, persisted - run.Emitted);
                cuts++;
            }

            long windowMicrosteps = PersistentDeliveryLedger.WindowMicrosteps(windowMs, 150_045, 3_600_000_000);
            long boundMicrosteps = PersistentDeliveryLedger.WindowMicrosteps(windowMs + InfusionRun.LookAheadMs, 150_045, 3_600_000_000) + 1;
            double worstMl = (double)full.WorstOverMicrosteps / InfusionRun.MicrostepsPerMl;
            _output.WriteLine($"window {windowMs} ms: {full.Writes} reservation writes, {infusionBytes} bytes; worst over-statement at any tick "
                + $"{full.WorstOverMicrosteps} microsteps = {worstMl:F3} mL = {worstMl * 1000:F0} ug at 1 mg/mL (bound {boundMicrosteps}); "
                + $"{cuts} power cuts, {interrupted} mid-delivery, worst seen after reboot {worstAfterReboot}");
            Assert.InRange(full.WorstOverMicrosteps, windowMicrosteps, boundMicrosteps);
            Assert.True(worstAfterReboot <= full.WorstOverMicrosteps);
            Assert.True(interrupted > 300);
        }

        private static long RebootedDelivered(PersistenceRig rig) => rig.Boot().State.Current.DeliveredMicrosteps;

        // Proves: PER-006
        [Fact]
        public void Ledger_PowerCutAtEveryByteOfTheFirstReservationsAndTheFinalRecord_NeverBelowTruth()
        {
            var dryRig = new PersistenceRig();
            var dry = dryRig.Boot();
            long start = dryRig.Store.BytesWritten;
            var full = At52_5MlPerHour(10_000);
            full.Run(dry, dryRig.Store);
            long total = dryRig.Store.BytesWritten - start;
            int saveBytes = StoreLayout.RecordOverheadBytes + PumpSnapshotCodec.PayloadBytes;
            // Begin + first four reservations, and the last two writes (final reservation, exact record).
            var points = new System.Collections.Generic.List<long>();
            for (long b = 0; b <= 5 * saveBytes; b++) points.Add(b);
            for (long b = total - 2 * saveBytes; b <= total; b++) points.Add(b);
            foreach (long cut in points)
            {
                var rig = new PersistenceRig();
                var p = rig.Boot();
                var run = At52_5MlPerHour(10_000);
                rig.Store.CutPowerAfter(cut);
                run.Run(p, rig.Store);
                var after = rig.Boot();
                Assert.True(after.State.Current.DeliveredMicrosteps >= run.CommandedEnd, "cut " + cut + " of " + total + ": " + after.State.Current.DeliveredMicrosteps + " < " + run.CommandedEnd + " " + after.State.LoadReport.Describe());
            }

            _output.WriteLine($"{points.Count} byte-exact cut points");
            Assert.Equal(7 * saveBytes + 2, points.Count);
        }
    }
}
