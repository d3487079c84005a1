using System;
using System.Collections.Generic;
using Pump.Core.Configuration;
using Pump.Core.Control;
using Pump.Core.Link;
using Pump.Core.Persistence;
using Pump.Core.Service;
using Pump.Core.Tests.Fakes;
using Pump.Core.Tests.Persistence;
using Pump.Core.Tests.Service;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Link
{
    /// <summary>The monitor-link key in the store: set over the service link, loaded at power-up, bound to the paired monitor.</summary>
    public class LinkKeyPersistenceTests
    {
        private static byte[] KeyPayload(uint monitorId, byte[] key)
        {
            var p = new byte[5 + key.Length];
            BitConverter.TryWriteBytes(p.AsSpan(0, 4), monitorId);
            p[4] = (byte)key.Length;
            key.CopyTo(p, 5);
            return p;
        }

        /// <summary>A service-mode pump with a calibrated configuration paired (on the panel) with <paramref name="monitorId"/>.</summary>
        private static ServiceRig PairedServiceRig(uint monitorId = PumpRig.MonitorId)
        {
            var rig = new ServiceRig();
            DeviceConfiguration c = ServiceRig.Calibrated();
            c.PairedMonitorId = monitorId;
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(rig.Store).TryWrite(c));
            rig.Boot();
            return rig;
        }

        private static List<EventLogEntry> Log(ServiceRig rig)
        {
            var log = rig.Service.Context.Persistence.Log;
            var found = new List<EventLogEntry>();
            var e = new EventLogEntry();
            for (long seq = log.OldestRetainedSequence; seq <= log.NewestSequence; seq++)
            {
                if (log.TryReadEntry(seq, e))
                {
                    var copy = new EventLogEntry();
                    copy.CopyFrom(e);
                    found.Add(copy);
                }
            }
            return found;
        }

        private static uint ExpectedKeyCheck(byte[] key)
        {
            using var h = new System.Security.Cryptography.HMACSHA256(key);
            byte[] mac = h.ComputeHash(System.Text.Encoding.ASCII.GetBytes("PUMP-LINK-KCV"));
            return ((uint)mac[0] << 24) | ((uint)mac[1] << 16) | ((uint)mac[2] << 8) | mac[3];
        }

        // Proves: LNK-019
        [Fact]
        public void KeyCheck_OfAPairedKey_IsTheFirstFourBytesOfTheHmacOfTheLabel()
        {
            var keys = LinkTestKit.Keys();
            Assert.Equal(ExpectedKeyCheck(LinkTestKit.Key), keys.KeyCheck);
            var other = (byte[])LinkTestKit.Key.Clone();
            other[0] ^= 1;
            Assert.NotEqual(keys.KeyCheck, ExpectedKeyCheck(other));
        }

        // Proves: LNK-017, SEC-100, LNK-019
        [Fact]
        public void SetLinkKey_ForThePairedMonitor_IsStoredLoggedAndPairsThePumpAtPowerUp()
        {
            ServiceRig rig = PairedServiceRig();
            Answer a = rig.Send(ServiceCommand.SetLinkKey, KeyPayload(PumpRig.MonitorId, TestLinkKey.Key));
            Assert.Equal(ServiceStatus.Ok, a.Status);
            Assert.Equal(ExpectedKeyCheck(TestLinkKey.Key), BitConverter.ToUInt32(a.Data, 0));
            // The key itself never appears in an answer.
            Assert.DoesNotContain(Convert.ToHexString(TestLinkKey.Key), Convert.ToHexString(a.Data));
            EventLogEntry logged = Log(rig).FindLast(e => e.Code == PumpEvent.LinkKeySet)!;
            Assert.Equal((int)PumpRig.MonitorId, logged.Arg0);
            Assert.Equal(0, logged.Arg1); // no previous key

            var settings = new PumpSettings { PairedMonitorId = PumpRig.MonitorId };
            Assert.Equal(LinkKeyProblem.None, LinkPairingLoader.LoadAndApply(rig.Store, settings));
            Assert.True(settings.MonitorLink.IsPaired);
            Assert.Equal(PumpRig.MonitorId, settings.MonitorLink.MonitorId);
            Assert.Equal(ExpectedKeyCheck(TestLinkKey.Key), settings.MonitorLink.KeyCheck);
            Assert.True(settings.MonitorLink.Floor.Persistent);
        }

        // Proves: LNK-019
        [Fact]
        public void PairingPage_BeforeAndAfterSetLinkKey_ShowsNoKeyThenTheKeyCheckValue()
        {
            ServiceRig rig = PairedServiceRig();
            rig.Keypad.Press(PanelKey.Down); // pairing page
            rig.Tick();
            Assert.Equal("NO LINK KEY", rig.Display.Row(3).TrimEnd());
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetLinkKey, KeyPayload(PumpRig.MonitorId, TestLinkKey.Key)).Status);
            rig.Tick();
            Assert.Equal("KEY CHECK " + ExpectedKeyCheck(TestLinkKey.Key).ToString("X8"), rig.Display.Row(3).TrimEnd());
            Assert.Equal("KEY CHECK 60081ABF", rig.Display.Row(3).TrimEnd()); // the worked example's value (service-link.md)
        }

        // Proves: LNK-019
        [Fact]
        public void GetInfo_AfterSetLinkKey_ShowsStatusMonitorAndKeyCheckButNeverTheKey()
        {
            ServiceRig rig = PairedServiceRig();
            Answer before = rig.Send(ServiceCommand.GetInfo);
            Assert.Equal(LinkKeyProblem.NoKey, before.Data[^9]);
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetLinkKey, KeyPayload(PumpRig.MonitorId, TestLinkKey.Key)).Status);
            Answer info = rig.Send(ServiceCommand.GetInfo);
            Assert.Equal(LinkKeyProblem.None, info.Data[^9]);
            Assert.Equal(PumpRig.MonitorId, BitConverter.ToUInt32(info.Data, info.Data.Length - 8));
            Assert.Equal(ExpectedKeyCheck(TestLinkKey.Key), BitConverter.ToUInt32(info.Data, info.Data.Length - 4));
            Assert.DoesNotContain(Convert.ToHexString(TestLinkKey.Key), Convert.ToHexString(info.Data));
        }

        public static TheoryData<string, int> RefusedKeys() => new()
        {
            { "other-monitor", ServiceStatus.KeyForOtherMonitor },
            { "too-short", ServiceStatus.BadPayloadLength },
            { "too-long", ServiceStatus.BadPayloadLength },
            { "length-byte-wrong", ServiceStatus.BadPayloadLength },
            { "one-repeated-byte", ServiceStatus.LinkKeyRefused },
        };

        // Proves: SEC-100, SVC-003
        [Theory]
        [MemberData(nameof(RefusedKeys))]
        public void SetLinkKey_BadRequest_IsRefusedSpecificallyLoggedAndChangesNothing(string kind, int expected)
        {
            ServiceRig rig = PairedServiceRig();
            Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetLinkKey, KeyPayload(PumpRig.MonitorId, TestLinkKey.Key)).Status);
            byte[] before = rig.Store.Copy().AsSpan(StoreLayout.LinkKeyAddress, 0x200).ToArray();
            byte[] payload = kind switch
            {
                "other-monitor" => KeyPayload(PumpRig.MonitorId + 1, TestLinkKey.Key),
                "too-short" => KeyPayload(PumpRig.MonitorId, new byte[15]),
                "too-long" => KeyPayload(PumpRig.MonitorId, new byte[65]),
                "length-byte-wrong" => LengthByteWrong(),
                _ => KeyPayload(PumpRig.MonitorId, Repeated()),
            };
            Answer a = rig.Send(ServiceCommand.SetLinkKey, payload);
            Assert.Equal(expected, a.Status);
            Assert.NotEmpty(a.Text);
            Assert.Equal(before, rig.Store.Copy().AsSpan(StoreLayout.LinkKeyAddress, 0x200).ToArray());
            Assert.Contains(Log(rig), e => e.Code == ServiceEventCodes.CommandRefused && e.Arg0 == ServiceCommand.SetLinkKey && e.Arg1 == expected);

            static byte[] LengthByteWrong()
            {
                byte[] p = KeyPayload(PumpRig.MonitorId, TestLinkKey.Key);
                p[4] = 31;
                return p;
            }

            static byte[] Repeated()
            {
                var k = new byte[32];
                Array.Fill(k, (byte)0x5A);
                return k;
            }
        }

        // Proves: SEC-100
        [Fact]
        public void SetLinkKey_NoMonitorPairedOrNoConfiguration_IsRefusedSayingWhatToDoFirst()
        {
            var fresh = new ServiceRig();
            Answer a = fresh.Send(ServiceCommand.SetLinkKey, KeyPayload(PumpRig.MonitorId, TestLinkKey.Key));
            Assert.Equal(ServiceStatus.NoConfiguration, a.Status);
            Assert.Contains("pair the monitor", a.Text);

            var unpaired = new ServiceRig();
            Assert.Equal(ServiceStatus.Ok, unpaired.Send(ServiceCommand.SetConfig, ServiceRig.Encode(ServiceRig.Calibrated())).Status);
            Answer b = unpaired.Send(ServiceCommand.SetLinkKey, KeyPayload(PumpRig.MonitorId, TestLinkKey.Key));
            Assert.Equal(ServiceStatus.MonitorNotPaired, b.Status);
            Assert.Contains("panel", b.Text);
        }

        // Proves: SEC-100, SVC-001
        [Fact]
        public void SetLinkKey_WhileASessionIsOpen_IsRefused()
        {
            var pump = new PumpRig();
            DeviceConfiguration c = ServiceRig.Calibrated();
            c.PairedMonitorId = PumpRig.MonitorId;
            var store = new PowerCutStore(StoreLayout.Esp32ConfigPartitionBytes);
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(store).TryWrite(c));
            // A session is open: a ketamine infusion running on this store when the power went.
            var running = new PumpRig(new FakeStore());
            running.ProgramKetamine();
            running.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, running.State);
            running.Run(5);
            Array.Copy(running.Store.Bytes, 0, store.Raw, 0, StoreLayout.ConfigurationAddress);
            var rig = new ServiceRig(store);
            Answer a = rig.Send(ServiceCommand.SetLinkKey, KeyPayload(PumpRig.MonitorId, TestLinkKey.Key));
            Assert.Equal(ServiceStatus.SessionOpen, a.Status);
            Assert.Equal(LinkKeyProblem.NoKey, new LinkKeyRecord(store).TryLoad(new LinkKeyStore()));
        }

        // Proves: LNK-017, PER-002
        [Fact]
        public void SetLinkKey_PowerCutAtAnyByteOfTheWrite_LeavesTheOldKeyOrTheNewOneNeverAHalf()
        {
            var second = (byte[])TestLinkKey.Key.Clone();
            second[7] ^= 0xA5;
            uint oldCheck = ExpectedKeyCheck(TestLinkKey.Key);
            uint newCheck = ExpectedKeyCheck(second);
            for (int cut = 0; cut < 200; cut += 3)
            {
                ServiceRig rig = PairedServiceRig();
                Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetLinkKey, KeyPayload(PumpRig.MonitorId, TestLinkKey.Key)).Status);
                rig.Store.CutPowerAfter(cut);
                rig.Port.ToPump.Clear();
                foreach (byte b in ServiceRig.Frame(ServiceCommand.SetLinkKey, rig.NextSequence(), KeyPayload(PumpRig.MonitorId, second)))
                {
                    rig.Port.ToPump.Enqueue(b);
                }
                rig.Tick(5);
                rig.Store.Reboot();
                var settings = new PumpSettings { PairedMonitorId = PumpRig.MonitorId };
                Assert.Equal(LinkKeyProblem.None, LinkPairingLoader.LoadAndApply(rig.Store, settings));
                Assert.True(settings.MonitorLink.KeyCheck == oldCheck || settings.MonitorLink.KeyCheck == newCheck, "cut " + cut);
            }
        }

        // Proves: LNK-017
        [Fact]
        public void PowerUp_KeyRecordDamagedInBothSlots_LeavesTheLinkUnpairedAndTheStartSaysWhy()
        {
            var rig = new PumpRig(keyFromStore: true);
            rig.Store.Bytes[StoreLayout.LinkKeyAddress + 30] ^= 0x10;
            rig.Store.Bytes[StoreLayout.LinkKeyAddress + StoreLayout.LinkKeySlotBytes + 30] ^= 0x10;
            var rebooted = new PumpRig(rig.Store, keyFromStore: true);
            Assert.Equal(LinkKeyProblem.KeyDamaged, rebooted.Settings.LinkKeyProblem);
            Assert.False(rebooted.Settings.MonitorLink.IsPaired);
            rebooted.ProgramKetamine();
            rebooted.Press(PanelKey.Start);
            Assert.NotEqual(PumpState.Infusing, rebooted.State);
            Assert.False(rebooted.Driver.IsEnabled);
            Assert.Equal("LINK KEY DAMAGED", rebooted.Controller.LastRejection);
        }

        // Proves: LNK-017
        [Fact]
        public void PowerUp_NoKeyStored_RefusesKetamineSayingNoLinkKey()
        {
            var rig = new PumpRig();
            Assert.Equal(LinkKeyProblem.NoKey, LinkPairingLoader.LoadAndApply(rig.Store, rig.Settings));
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            Assert.NotEqual(PumpState.Infusing, rig.State);
            Assert.Equal("NO LINK KEY", rig.Controller.LastRejection);
        }

        // Proves: LNK-017, CFG-008
        [Fact]
        public void PowerUp_KeyStoredForAnotherMonitorThanTheCommissionedOne_RefusesSayingKeyNotForMonitor()
        {
            var rig = new PumpRig(keyFromStore: true);
            Assert.Equal(LinkKeyProblem.None, rig.Settings.LinkKeyProblem);
            var settings = new PumpSettings { PairedMonitorId = PumpRig.MonitorId + 1 };
            Assert.Equal(LinkKeyProblem.KeyForOtherMonitor, LinkPairingLoader.LoadAndApply(rig.Store, settings));
            Assert.False(settings.MonitorLink.IsPaired);

            var repaired = new PumpRig(rig.Store);
            repaired.Settings.PairedMonitorId = PumpRig.MonitorId + 1;
            LinkPairingLoader.LoadAndApply(repaired.Store, repaired.Settings);
            repaired.ProgramKetamine();
            repaired.Press(PanelKey.Start);
            Assert.Equal("KEY NOT FOR MONITOR", repaired.Controller.LastRejection);
            Assert.False(repaired.Driver.IsEnabled);
        }

        // Proves: LNK-017
        [Fact]
        public void PowerUp_KeyFromStore_StartsTheDefaultKetamineInfusion()
        {
            var rig = new PumpRig(keyFromStore: true);
            Assert.Equal(LinkKeyProblem.None, rig.Settings.LinkKeyProblem);
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
        }
    }
}
