using Pump.Hal;

namespace Pump.Core.Persistence
{
    /// <summary>
    /// The drug library's bytes in two slots (PER-011). The library's own encoding, version and CRC belong
    /// to the library work; this layer only guarantees that a load returns the last completely written
    /// copy, byte for byte, or reports why none is valid. Up to <see cref="StoreLayout.DrugLibraryMaxBytes"/>.
    /// </summary>
    public sealed class DrugLibraryStore
    {
        /// <summary>Container version of the stored blob (not the library's own format version).</summary>
        public const int ContainerVersion = 1;

        private readonly DualSlotRecord _record;
        private readonly RecordReadReport _loadReport = new RecordReadReport();

        public DrugLibraryStore(INonVolatileStore store)
        {
            _record = new DualSlotRecord(store, StoreLayout.DrugLibraryAddress, StoreLayout.DrugLibrarySlotBytes,
                StoreLayout.DrugLibraryMagic, ContainerVersion, ContainerVersion);
        }

        public RecordReadReport LoadReport => _loadReport;

        /// <summary>Stores bytes[offset..offset+count) as the new library. False when count exceeds
        /// <see cref="StoreLayout.DrugLibraryMaxBytes"/> or the write fails (the previous library stays).</summary>
        public bool TryWrite(byte[] bytes, int offset, int count)
        {
            return count <= StoreLayout.DrugLibraryMaxBytes && _record.TryWrite(ContainerVersion, bytes, offset, count);
        }

        /// <summary>Loads the newest complete library into buffer[offset..]; length is its size. The buffer
        /// must hold <see cref="StoreLayout.DrugLibraryMaxBytes"/>. False with reasons in <see cref="LoadReport"/>.</summary>
        public bool TryLoad(byte[] buffer, int offset, out int length)
        {
            bool ok = _record.TryLoad(buffer, offset, _loadReport);
            length = ok ? _loadReport.PayloadLength : 0;
            return ok;
        }
    }
}
