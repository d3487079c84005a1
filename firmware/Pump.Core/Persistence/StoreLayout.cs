namespace Pump.Core.Persistence
{
    /// <summary>
    /// The fixed byte map of the non-volatile store (hardware-docs/persistence.md, PER-001).
    /// Regions never overlap and never move within a layout version; a record kind is identified by
    /// its own magic, so bytes from another region or an older layout fail validation rather than
    /// being read as the wrong thing. Everything fits in <see cref="RequiredCapacityBytes"/>, well
    /// inside the ESP32's 256 KiB littlefs config partition (littlefs needs free blocks for its
    /// copy-on-write, so the file stays under half the partition).
    /// </summary>
    public static class StoreLayout
    {
        /// <summary>Bytes of the dual-slot header: magic u32, format version u16, payload length u16, sequence i64.</summary>
        public const int RecordHeaderBytes = 16;

        /// <summary>Bytes of the CRC-32 trailer after the payload.</summary>
        public const int RecordTrailerBytes = 4;

        /// <summary>Header plus trailer: the fixed cost of a slot.</summary>
        public const int RecordOverheadBytes = RecordHeaderBytes + RecordTrailerBytes;

        // Pump snapshot: program, delivered upper bound, state, alarms, baselines, boot count.
        public const int SnapshotAddress = 0x0000;
        public const int SnapshotSlotBytes = 512;
        public const int SnapshotMaxPayloadBytes = SnapshotSlotBytes - RecordOverheadBytes;
        public const uint SnapshotMagic = 0x50534E50u; // "PNSP" little-endian bytes 'P','N','S','P'

        // Session history: the recent sessions for spacing checks (HIS-*).
        public const int SessionHistoryAddress = 0x0400;
        public const int SessionHistorySlotBytes = 2048;
        public const int SessionHistoryMaxPayloadBytes = SessionHistorySlotBytes - RecordOverheadBytes;
        public const uint SessionHistoryMagic = 0x53484953u; // "SIHS"

        // Drug library: opaque bytes with their own encoding and CRC (owned by the library work).
        public const int DrugLibraryAddress = 0x2000;
        public const int DrugLibraryMaxBytes = 8192;
        public const int DrugLibrarySlotBytes = 8704;
        public const uint DrugLibraryMagic = 0x4C494252u; // "RBIL"

        // Device configuration: identity, calibration, pairing, clinic settings (CFG-*), in the gap below the log.
        public const int ConfigurationAddress = 0x6400;
        public const int ConfigurationSlotBytes = 256;
        public const uint ConfigurationMagic = 0x47464350u; // "PCFG"

        // Monitor-link key: the paired sender's id and secret (LNK-017), after the configuration.
        public const int LinkKeyAddress = 0x6600;
        public const int LinkKeySlotBytes = 128;
        public const uint LinkKeyMagic = 0x59454B4Cu; // "LKEY"

        // Monitor-link replay floor: the write-ahead high-water mark (boot, sequence) of the pairing (LNK-018).
        public const int ReplayFloorAddress = 0x6700;
        public const int ReplayFloorSlotBytes = 64;
        public const uint ReplayFloorMagic = 0x504C5252u; // "RRLP"

        // Event log: a ring of fixed-size entries, each with its own sequence and CRC.
        public const int EventLogAddress = 0x8000;
        public const int EventLogEntryBytes = 48;
        public const int EventLogCapacityEntries = 1024;

        /// <summary>First byte after the last region.</summary>
        public const int RequiredCapacityBytes = EventLogAddress + EventLogEntryBytes * EventLogCapacityEntries;

        /// <summary>The ESP32 config partition the store lives in (brief nanoframework.md §5).</summary>
        public const int Esp32ConfigPartitionBytes = 256 * 1024;

        /// <summary>True when a store of this size holds every region.</summary>
        public static bool Fits(int capacityBytes)
        {
            return capacityBytes >= RequiredCapacityBytes;
        }
    }
}
