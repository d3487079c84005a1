using System;
using System.Linq;
using Pump.Core.Configuration;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Service;
using Pump.Core.Tests.Persistence;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Service
{
    public class ServiceLinkTests
    {
        /// <summary>The configuration and library regions: what a refused command must leave byte for byte.</summary>
        private static byte[] GuardedRegions(PowerCutStore store)
        {
            byte[] all = store.Copy();
            return all.AsSpan(StoreLayout.ConfigurationAddress, 2 * StoreLayout.ConfigurationSlotBytes).ToArray()
                .Concat(all.AsSpan(StoreLayout.DrugLibraryAddress, 2 * StoreLayout.DrugLibrarySlotBytes).ToArray()).ToArray();
        }

        [Fact]
        public void GetInfo_EmptyStore_ReportsIdentityShippedLibraryAndNotCommissioned()
        {
            var rig = new ServiceRig();
            Answer a = rig.Send(ServiceCommand.GetInfo);
            Assert.Equal(ServiceStatus.Ok, a.Status);
            Assert.Equal(ServiceCommand.GetInfo | 0x80, a.Command);
            string text = System.Text.Encoding.ASCII.GetString(a.Data);
            Assert.Contains("1.0.0", text);
            Assert.Contains("abc1234", text);
            int at = 1 + 5 + 1 + 7 + 1; // firmware, commit, serial ("")
            Assert.Equal(ConfigProblem.NoRecord, a.Data[at]);
            uint revision = BitConverter.ToUInt32(a.Data, at + 2 + 8 + 4);
            Assert.Equal(ShippedLibrary.Build().Revision, revision);
        }

        // Proves: SVC-007
        [Fact]
        public void Screen_WhileInServiceMode_ShowsServiceModeOnTheTopRow()
        {
            var rig = new ServiceRig();
            rig.Tick(3);
            Assert.StartsWith("SERVICE MODE", rig.Display.Row(0));
            rig.Keypad.Press(PanelKey.Down);
            rig.Tick();
            Assert.StartsWith("SERVICE MODE", rig.Display.Row(0));
            Assert.Contains("OK=LISTEN", rig.Display.Text);
        }

        // Proves: SVC-003
        [Fact]
        public void SetConfig_ValidCalibration_IsStoredLoggedAndReadBack()
        {
            var rig = new ServiceRig();
            Answer a = rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(ServiceRig.Calibrated()));
            Assert.Equal(ServiceStatus.Ok, a.Status);
            Assert.Equal(ConfigProblem.None, a.Data[0]);
            rig.Boot();
            Answer read = rig.Send(ServiceCommand.GetConfig);
            Assert.Equal(ServiceStatus.Ok, read.Status);
            Assert.Equal(ServiceRig.Encode(ServiceRig.Calibrated()), read.Data);
            Assert.Contains(LogCodes(rig), c => c == ServiceEventCodes.ConfigurationWritten);
        }

        // Proves: SVC-003, CFG-002
        [Fact]
        public void SetConfig_InvalidValue_IsRefusedWithTheProblemAndChangesNothing()
        {
            var rig = new ServiceRig();
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(ServiceRig.Calibrated("OLD-1"))).Status);
            byte[] before = GuardedRegions(rig.Store);
            DeviceConfiguration bad = ServiceRig.Calibrated("NEW-2");
            bad.ForceSpanMilliNewtons = 5;
            Answer a = rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(bad));
            Assert.Equal(ServiceStatus.InvalidConfiguration, a.Status);
            Assert.Equal(ConfigProblem.ForceCalibrationInvalid, a.Detail);
            Assert.Contains("Force calibration out of range", a.Text);
            Assert.Equal(before, GuardedRegions(rig.Store));
            Assert.Contains(LogCodes(rig), c => c == ServiceEventCodes.CommandRefused);
        }

        // Proves: CFG-004
        [Fact]
        public void SetConfig_ChangingThePairedMonitor_IsRefusedAsPanelOnly()
        {
            var rig = new ServiceRig();
            DeviceConfiguration c = ServiceRig.Calibrated();
            c.PairedMonitorId = 1234;
            Answer a = rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(c));
            Assert.Equal(ServiceStatus.PairingIsPanelOnly, a.Status);
            Assert.Equal(ServiceStatus.NoConfiguration, rig.Send(ServiceCommand.GetConfig).Status);
        }

        public static TheoryData<string, int> MalformedFrames() => new()
        {
            { "bad-crc", ServiceStatus.BadCrc },
            { "version-2", ServiceStatus.UnsupportedVersion },
            { "oversized", ServiceStatus.Oversized },
            { "unknown-command", ServiceStatus.UnknownCommand },
            { "wrong-length", ServiceStatus.BadPayloadLength },
            { "truncated", ServiceStatus.Truncated },
        };

        // Proves: SVC-003
        [Theory]
        [MemberData(nameof(MalformedFrames))]
        public void Request_Malformed_GetsItsSpecificStatusAndChangesNothing(string kind, int expected)
        {
            var rig = new ServiceRig();
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(ServiceRig.Calibrated("OLD-1"))).Status);
            byte[] before = GuardedRegions(rig.Store);
            long utcBefore = rig.Rtc.UtcSeconds;
            byte[] good = ServiceRig.Frame(ServiceCommand.SetConfig, rig.NextSequence(), ServiceRig.Encode(ServiceRig.Calibrated("NEW-2")));
            byte[] frame = kind switch
            {
                "bad-crc" => Flip(good, 20),
                "version-2" => WithByte(good, ServiceFrameFormat.OffsetVersion, 2),
                "oversized" => WithByte(WithByte(good, ServiceFrameFormat.OffsetLength, 0xFF), ServiceFrameFormat.OffsetLength + 1, 0xFF),
                "unknown-command" => ServiceRig.Frame(0x7E, rig.NextSequence(), []),
                "wrong-length" => ServiceRig.Frame(ServiceCommand.SetClock, rig.NextSequence(), [1, 2, 3]),
                _ => good.AsSpan(0, good.Length - 7).ToArray(),
            };
            Answer a = rig.SendBytes(frame);
            Assert.Equal(expected, a.Status);
            Assert.NotEmpty(a.Text);
            Assert.Equal(before, GuardedRegions(rig.Store));
            Assert.Equal(utcBefore, rig.Rtc.UtcSeconds);
            Assert.Equal(0, rig.Driver.EnableCount);
        }

        // Proves: SVC-003
        [Fact]
        public void Request_GarbageThenAValidFrame_TheValidFrameIsAnswered()
        {
            var rig = new ServiceRig();
            byte[] noise = [0x00, 0x5E, 0x11, 0xA5, 0x5A, 0xFF, 0x5E];
            Answer a = rig.SendBytes(noise.Concat(ServiceRig.Frame(ServiceCommand.GetInfo, rig.NextSequence(), [])).ToArray());
            Assert.Equal(ServiceStatus.Ok, a.Status);
        }

        // Proves: SVC-003
        [Fact]
        public void Request_RepeatedSequence_IsNotRunTwice()
        {
            var rig = new ServiceRig();
            uint seq = rig.NextSequence();
            byte[] clock = ServiceRig.Frame(ServiceCommand.SetClock, seq, BitConverter.GetBytes(1_800_000_000L));
            Assert.Equal(ServiceStatus.Ok, rig.SendBytes(clock).Status);
            rig.Rtc.UtcSeconds = 1_800_000_500;
            Assert.Equal(ServiceStatus.DuplicateSequence, rig.SendBytes(clock).Status);
            Assert.Equal(1_800_000_500, rig.Rtc.UtcSeconds);
        }

        // Proves: SVC-001
        [Fact]
        public void EveryCommand_WhileASessionIsOpen_IsRefused()
        {
            var store = new PowerCutStore(StoreLayout.Esp32ConfigPartitionBytes);
            var p = new PumpPersistence(store, new ManualMonotonicClock(), new ManualRealTimeClock());
            p.Open();
            Assert.True(p.History.TryBeginSession(1, 1_790_000_000, 35_000));
            var rig = new ServiceRig(store);
            foreach (byte command in ServiceCommand.All)
            {
                Answer a = rig.Send(command, new byte[8]);
                Assert.Equal(ServiceStatus.SessionOpen, a.Status);
            }
            rig.Tick();
            Assert.Contains("SESSION OPEN", rig.Display.Text);
        }

        // Proves: SVC-001, PER-015
        [Fact]
        public void Configure_AfterAResetWhilePausedWithNoHistoryEntry_IsRefusedAsSessionOpen()
        {
            // A session reset while Paused keeps DeliveryActive false; service mode must use power-up's rule (the
            // snapshot's state keeps the session open), not the history entry alone, which may be missing.
            var store = new PowerCutStore(StoreLayout.Esp32ConfigPartitionBytes);
            var p = new PumpPersistence(store, new ManualMonotonicClock(), new ManualRealTimeClock());
            p.Open();
            p.State.Current.PumpStateCode = (int)global::Pump.Core.Control.PumpState.Paused;
            Assert.True(p.State.TrySave());
            var rig = new ServiceRig(store);
            Answer a = rig.Send(ServiceCommand.SetClock, BitConverter.GetBytes(1_800_000_000L));
            Assert.Equal(ServiceStatus.SessionOpen, a.Status);
        }

        // Proves: SVC-002
        [Fact]
        public void EveryCommandCode_AnyPayload_NeverMovesTheMotor()
        {
            var rig = new ServiceRig();
            var random = new Random(7);
            for (int command = 0; command < 256; command++)
            {
                var payload = new byte[random.Next(0, 40)];
                random.NextBytes(payload);
                Answer a = rig.Send(command, payload);
                if (Array.IndexOf(ServiceCommand.All, (byte)command) < 0)
                {
                    Assert.Equal(ServiceStatus.UnknownCommand, a.Status);
                }
            }
            Assert.Equal(0, rig.Driver.EnableCount);
            Assert.Equal(0, rig.Steps.QueuedSegments);
        }

        // Proves: SVC-005
        [Fact]
        public void SetClock_InRange_SetsAndLogsIt_OutOfRange_IsRefused()
        {
            var rig = new ServiceRig();
            Answer ok = rig.Send(ServiceCommand.SetClock, BitConverter.GetBytes(1_800_000_000L));
            Assert.Equal(ServiceStatus.Ok, ok.Status);
            Assert.Equal(1_800_000_000, rig.Rtc.UtcSeconds);
            Assert.Contains(LogCodes(rig), c => c == ServiceEventCodes.ClockSet);
            Answer early = rig.Send(ServiceCommand.SetClock, BitConverter.GetBytes(1_600_000_000L));
            Assert.Equal(ServiceStatus.ClockOutOfRange, early.Status);
            Assert.Equal(1_800_000_000, rig.Rtc.UtcSeconds);
            rig.Rtc.SetFails = true;
            Assert.Equal(ServiceStatus.ClockWriteFailed, rig.Send(ServiceCommand.SetClock, BitConverter.GetBytes(1_800_000_100L)).Status);
        }

        // Proves: SVC-004
        [Fact]
        public void LibraryInstall_Verified_IsNotInForceUntilThePanelConfirms()
        {
            var rig = new ServiceRig();
            Answer end = rig.InstallLibraryBytes(ServiceRig.LibraryAtRevision(77));
            Assert.Equal(ServiceStatus.AwaitingPanel, end.Status);
            Assert.Equal(77u, BitConverter.ToUInt32(end.Data, 0));
            rig.Tick();
            Assert.Contains("NEW LIBRARY REV 77", rig.Display.Text);
            Assert.Contains("SERVICE MODE   DRAFT", rig.Display.Text); // LIB-012: the test library is unsigned
            Assert.False(rig.Service.Context.LibraryFromStore);
            Assert.Equal(ServiceStatus.AwaitingPanel, rig.Send(ServiceCommand.LibraryStatus).Status);
            rig.Keypad.Press(PanelKey.Ok);
            rig.Tick();
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.LibraryStatus).Status);
            Assert.True(rig.Service.Context.LibraryFromStore);
            Assert.Equal(77u, rig.Service.Context.LibraryRevision);
            Assert.Contains(LogCodes(rig), c => c == Pump.Core.Control.PumpEvent.LibraryInstalled);
        }

        // Proves: SVC-004
        [Fact]
        public void LibraryInstall_DeclinedOnThePanel_KeepsTheOldLibrary()
        {
            var rig = new ServiceRig();
            Assert.Equal(ServiceStatus.AwaitingPanel, rig.InstallLibraryBytes(ServiceRig.LibraryAtRevision(78)).Status);
            byte[] before = GuardedRegions(rig.Store);
            rig.Keypad.Press(PanelKey.Back);
            rig.Tick();
            Assert.Equal(ServiceStatus.LibraryDeclined, rig.Send(ServiceCommand.LibraryStatus).Status);
            Assert.Equal(before, GuardedRegions(rig.Store));
            Assert.False(rig.Service.Context.LibraryFromStore);
        }

        // Proves: SVC-004
        [Fact]
        public void LibraryInstall_PowerLossBeforeConfirmation_OldLibraryStaysInForce()
        {
            var rig = new ServiceRig();
            Assert.Equal(ServiceStatus.AwaitingPanel, rig.InstallLibraryBytes(ServiceRig.LibraryAtRevision(79)).Status);
            rig.Store.PowerOffNow();
            rig.Boot();
            Assert.False(rig.Service.Context.LibraryFromStore);
            Assert.Equal(ServiceStatus.NoLibraryTransfer, rig.Send(ServiceCommand.LibraryStatus).Status);
        }

        // Proves: SVC-004
        [Theory]
        [InlineData(0)]
        [InlineData(16)]
        [InlineData(60)]
        public void LibraryInstall_PowerLossDuringTheConfirmedWrite_KeepsThePreviousLibrary(int bytesBeforeCut)
        {
            var rig = new ServiceRig();
            Assert.Equal(ServiceStatus.AwaitingPanel, rig.InstallLibraryBytes(ServiceRig.LibraryAtRevision(80)).Status);
            rig.Keypad.Press(PanelKey.Ok);
            rig.Tick();
            rig.Boot();
            Assert.Equal(80u, rig.Service.Context.LibraryRevision);
            Assert.Equal(ServiceStatus.AwaitingPanel, rig.InstallLibraryBytes(ServiceRig.LibraryAtRevision(81)).Status);
            rig.Store.CutPowerAfter(bytesBeforeCut);
            rig.Keypad.Press(PanelKey.Ok);
            rig.Tick();
            rig.Boot();
            Assert.True(rig.Service.Context.LibraryFromStore);
            Assert.Equal(80u, rig.Service.Context.LibraryRevision);
        }

        // Proves: SVC-004, SVC-003
        [Fact]
        public void LibraryInstall_FailingALibraryCheck_IsRefusedWithTheCheckersMessage()
        {
            var rig = new ServiceRig();
            byte[] library = ServiceRig.LibraryAtRevision(82);
            // Break the entry count and re-seal the CRC: a transfer that arrives intact but is inconsistent.
            library[10] = 0;
            library[11] = 0;
            BitConverter.TryWriteBytes(library.AsSpan(library.Length - 4), Pump.Core.Common.Crc32.Compute(library, 0, library.Length - 4));
            Answer a = rig.InstallLibraryBytes(library);
            Assert.Equal(ServiceStatus.LibraryRefused, a.Status);
            Assert.Contains("library checks refused it", a.Text);
            Assert.NotEqual(0, a.Detail);
            Assert.False(rig.Service.Context.Installer.AwaitingPanel);
        }

        // Proves: SVC-004, SVC-003
        [Fact]
        public void LibraryTransfer_BadCrcOutOfOrderAndTooLong_AreEachRefused()
        {
            var rig = new ServiceRig();
            byte[] library = ServiceRig.LibraryAtRevision(83);
            var begin = new byte[8];
            BitConverter.TryWriteBytes(begin.AsSpan(0, 4), (uint)library.Length);
            BitConverter.TryWriteBytes(begin.AsSpan(4, 4), 0xDEADBEEFu);
            Assert.Equal(ServiceStatus.NoLibraryTransfer, rig.Send(ServiceCommand.LibraryData, [0, 0, 0, 0, 1]).Status);
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.LibraryBegin, begin).Status);
            Assert.Equal(ServiceStatus.LibraryOutOfOrder, rig.Send(ServiceCommand.LibraryData, [9, 0, 0, 0, 1]).Status);
            Assert.Equal(ServiceStatus.LibraryOutOfOrder, rig.Send(ServiceCommand.LibraryEnd).Status);
            var all = new byte[4 + library.Length];
            Array.Copy(library, 0, all, 4, library.Length);
            for (int at = 0; at < library.Length; at += 500)
            {
                int n = Math.Min(500, library.Length - at);
                var chunk = new byte[4 + n];
                BitConverter.TryWriteBytes(chunk.AsSpan(0, 4), (uint)at);
                Array.Copy(library, at, chunk, 4, n);
                Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.LibraryData, chunk).Status);
            }
            var extra = new byte[5];
            BitConverter.TryWriteBytes(extra.AsSpan(0, 4), (uint)library.Length);
            Assert.Equal(ServiceStatus.LibraryTooLarge, rig.Send(ServiceCommand.LibraryData, extra).Status);
            Assert.Equal(ServiceStatus.LibraryCrcMismatch, rig.Send(ServiceCommand.LibraryEnd).Status);
            BitConverter.TryWriteBytes(begin.AsSpan(0, 4), 9000u);
            Assert.Equal(ServiceStatus.LibraryTooLarge, rig.Send(ServiceCommand.LibraryBegin, begin).Status);
            Assert.False(rig.Service.Context.LibraryFromStore);
        }

        // Proves: SVC-006
        [Fact]
        public void ReadLog_FromTheStart_ReturnsEntriesOldestFirst()
        {
            var rig = new ServiceRig();
            rig.Send(ServiceCommand.SetClock, BitConverter.GetBytes(1_800_000_000L));
            var request = new byte[9];
            BitConverter.TryWriteBytes(request.AsSpan(0, 8), 1L);
            request[8] = 12;
            Answer a = rig.Send(ServiceCommand.ReadLog, request);
            Assert.Equal(ServiceStatus.Ok, a.Status);
            int count = a.Data[16];
            Assert.InRange(count, 3, 12);
            long previous = 0;
            for (int i = 0; i < count; i++)
            {
                long seq = BitConverter.ToInt64(a.Data, 18 + i * ServiceReads.LogEntryBytes);
                Assert.True(seq > previous);
                previous = seq;
            }
            request[8] = 13;
            Assert.Equal(ServiceStatus.BadPayloadLength, rig.Send(ServiceCommand.ReadLog, request).Status);
        }

        [Fact]
        public void ReadRaw_ReportsBothConverters_AndSaysWhenNeitherAnswers()
        {
            var rig = new ServiceRig();
            rig.Raw.ForceCounts = -4321;
            rig.Raw.PositionCounts = 3700;
            Answer a = rig.Send(ServiceCommand.ReadRawSensors);
            Assert.Equal(ServiceStatus.Ok, a.Status);
            Assert.Equal(-4321, BitConverter.ToInt32(a.Data, 1));
            Assert.Equal(3700, BitConverter.ToInt32(a.Data, 6));
            rig.Raw.Broken = true;
            Assert.Equal(ServiceStatus.SensorUnavailable, rig.Send(ServiceCommand.ReadRawSensors).Status);
        }

        private static System.Collections.Generic.List<int> LogCodes(ServiceRig rig)
        {
            var codes = new System.Collections.Generic.List<int>();
            var log = rig.Service.Context.Persistence.Log;
            var entry = new EventLogEntry();
            for (long s = log.OldestRetainedSequence; s <= log.NewestSequence; s++)
            {
                if (log.TryReadEntry(s, entry))
                {
                    codes.Add(entry.Code);
                }
            }
            return codes;
        }

        private static byte[] Flip(byte[] frame, int at)
        {
            byte[] copy = (byte[])frame.Clone();
            copy[at] ^= 0x01;
            return copy;
        }

        private static byte[] WithByte(byte[] frame, int at, byte value)
        {
            byte[] copy = (byte[])frame.Clone();
            copy[at] = value;
            return copy;
        }
    }
}
