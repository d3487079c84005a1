using System;
using System.Collections.Generic;
using Pump.Core.Persistence;
using Xunit;
using Xunit.Abstractions;

namespace Pump.Core.Tests.Persistence
{
    /// <summary>
    /// Many power cycles over one store, each cut at a random byte of a random mix of operations
    /// (snapshot saves, reservations, exact records, log appends, session updates). After every reboot
    /// the invariants of PER-006, PER-009 and HIS-006 must hold together.
    /// </summary>
    public sealed class PowerCycleSoakTests
    {
        private readonly ITestOutputHelper _output;

        public PowerCycleSoakTests(ITestOutputHelper output)
        {
            _output = output;
        }

        // Proves: PER-006, PER-009, PER-012, HIS-006
        [Fact]
        public void PowerCycles_RandomOperationsCutAtRandomBytes_InvariantsHoldAfterEveryReboot()
        {
            var random = new Random(1126);
            var rig = new PersistenceRig();
            var p = rig.Boot();
            long truthDelivered = 0;               // steps the motor really made in the current program
            var confirmedLog = new Dictionary<long, int>(); // sequence -> code, appends that returned true
            var confirmedSessions = new List<long>();        // start times of sessions whose write returned true
            long lastBoot = p.Report.BootCount;
            long clockUtc = 1_790_000_000;
            int cycles = 0;
            int cutsInsideWrites = 0;

            for (int cycle = 0; cycle < 300; cycle++)
            {
                if (p.Ledger.IsDeliveryActive && !p.Ledger.IsOpen)
                {
                    Assert.True(p.Ledger.TryCloseInterrupted());
                }

                rig.Store.CutPowerAfter(random.Next(0, 3000));
                for (int op = 0; op < 40 && !rig.Store.PoweredOff; op++)
                {
                    switch (random.Next(6))
                    {
                        case 0:
                            if (p.Ledger.TryBeginDelivery())
                            {
                                truthDelivered = 0;
                            }

                            break;
                        case 1:
                            if (p.Ledger.IsOpen)
                            {
                                long target = p.Ledger.ReservedMicrosteps + random.Next(1, 500);
                                if (p.Ledger.TryReserveUpTo(target))
                                {
                                    // The motor may now run anywhere up to the reservation.
                                    truthDelivered = random.NextInt64(truthDelivered, p.Ledger.ReservedMicrosteps + 1);
                                }
                            }

                            break;
                        case 2:
                            if (p.Ledger.IsOpen)
                            {
                                p.Ledger.TryRecordExact(truthDelivered);
                            }

                            break;
                        case 3:
                            int code = random.Next(1, 1000);
                            if (p.Log.Append(code, 0, 0, 0, 0))
                            {
                                confirmedLog[p.Log.NewestSequence] = code;
                            }

                            break;
                        case 4:
                            clockUtc += 86400;
                            if (p.History.TryBeginSession(1, clockUtc, 100))
                            {
                                confirmedSessions.Add(clockUtc);
                            }

                            break;
                        default:
                            p.State.Current.PumpStateCode = random.Next(1, 9);
                            p.State.TrySave();
                            break;
                    }
                }

                cutsInsideWrites += rig.Store.PoweredOff ? 1 : 0;
                p = rig.Boot();
                cycles++;

                // PER-006: the persisted bound covers every step the motor made.
                Assert.True(p.State.Current.DeliveredMicrosteps >= truthDelivered, "cycle " + cycle);
                // PER-012: boot count strictly rises.
                Assert.True(p.Report.BootCount > lastBoot);
                lastBoot = p.Report.BootCount;
                // PER-009: every confirmed append the ring still holds is readable and unchanged.
                var e = new EventLogEntry();
                foreach (var pair in confirmedLog)
                {
                    if (pair.Key >= p.Log.OldestRetainedSequence)
                    {
                        Assert.True(p.Log.TryReadEntry(pair.Key, e), "cycle " + cycle + " lost log entry " + pair.Key);
                        Assert.Equal(pair.Value, e.Code);
                    }
                }

                Assert.Equal(0, p.Log.RecoveryReport.DamagedEntries);
                // HIS-006: every confirmed session (within the 64 kept) is still there.
                Assert.True(p.History.IsTrusted);
                long last;
                if (confirmedSessions.Count > 0)
                {
                    Assert.True(p.History.TryGetLastSessionStart(1, out last));
                    Assert.True(last >= confirmedSessions[confirmedSessions.Count - 1]);
                }

                // The boot itself may have logged entries: they are confirmed too.
                for (long s = Math.Max(1, p.Log.NewestSequence - 6); s <= p.Log.NewestSequence; s++)
                {
                    if (p.Log.TryReadEntry(s, e))
                    {
                        confirmedLog[s] = e.Code;
                    }
                }
            }

            _output.WriteLine($"{cycles} power cycles, {cutsInsideWrites} cut inside a write");
            Assert.True(cutsInsideWrites > 200);
        }
    }
}
