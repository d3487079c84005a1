using Pump.Core.Configuration;
using Pump.Core.Persistence;
using Pump.ServiceTool.Protocol;

namespace Pump.ServiceTool.Model
{
    /// <summary>The get-info answer, field by field (hardware-docs/service-link.md, "get-info").</summary>
    public sealed record PumpInfo(
        string FirmwareVersion, string SourceCommit, string Serial, int ConfigProblemCode, int ReadyProblemCode,
        long CalibrationUtcSeconds, uint PairedMonitorId, uint LibraryRevision, uint LibraryCrc, bool LibraryFromStore,
        int LibraryTransferState, bool ClockValid, long ClockUtcSeconds, int[] SlotStatuses, long LogNewestSequence,
        uint LogWriteFailures, long BootCount, int LinkKeyProblemCode, uint LinkKeyMonitorId, uint LinkKeyCheck)
    {
        public static readonly string[] SlotNames =
        [
            "snapshot slot 0", "snapshot slot 1", "history slot 0", "history slot 1",
            "library slot 0", "library slot 1", "configuration slot 0", "configuration slot 1",
        ];

        public static PumpInfo Parse(ServiceResponse response)
        {
            var r = response.Reader();
            string version = r.Text();
            string commit = r.Text();
            string serial = r.Text();
            int config = r.U8();
            int ready = r.U8();
            long calibrated = r.I64();
            uint paired = r.U32();
            uint revision = r.U32();
            uint crc = r.U32();
            bool fromStore = r.U8() != 0;
            int transfer = r.U8();
            bool clockValid = r.U8() != 0;
            long utc = r.I64();
            var slots = new int[SlotNames.Length];
            for (int i = 0; i < slots.Length; i++)
            {
                slots[i] = r.U8();
            }
            long newest = r.I64();
            uint failures = r.U32();
            long boots = r.I64();
            int keyProblem = r.U8();
            uint keyMonitor = r.U32();
            uint keyCheck = r.U32();
            return new PumpInfo(version, commit, serial, config, ready, calibrated, paired, revision, crc, fromStore, transfer,
                clockValid, utc, slots, newest, failures, boots, keyProblem, keyMonitor, keyCheck);
        }

        public string ConfigText => ConfigProblem.Describe(ConfigProblemCode);
        public string ReadyText => ConfigProblem.Describe(ReadyProblemCode);
        public string LinkKeyText => LinkKeyProblem.Describe(LinkKeyProblemCode);

        /// <summary>"healthy" or the damaged slots.</summary>
        public string StoreHealth()
        {
            var damaged = new System.Collections.Generic.List<string>();
            for (int i = 0; i < SlotStatuses.Length; i++)
            {
                if (SlotStatus.IsDamage(SlotStatuses[i]))
                {
                    damaged.Add(SlotNames[i] + ": " + SlotStatus.Describe(SlotStatuses[i]));
                }
            }
            return damaged.Count == 0 ? "healthy" : string.Join("; ", damaged);
        }
    }
}
