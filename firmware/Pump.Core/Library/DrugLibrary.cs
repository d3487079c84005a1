namespace Pump.Core.Library
{
    /// <summary>
    /// A checked, versioned set of drug entries. Only <see cref="LibraryCodec"/> (after the CRC, format
    /// version and consistency checks) and <see cref="ShippedLibrary"/> build one for the device.
    /// </summary>
    public sealed class DrugLibrary
    {
        /// <summary>At most 16 entries: 16 of the largest possible entry (442 bytes) fit the 8 KiB store slot.</summary>
        public const int MaxEntries = 16;

        /// <summary>The pharmacy's revision number of this library (shown and logged).</summary>
        public readonly uint Revision;

        /// <summary>The pharmacy's approval; null for a draft, which the pump uses but shows as DRAFT.</summary>
        public readonly LibrarySignOff? SignOff;

        private readonly DrugEntry[] _entries;

        /// <summary>A draft (unsigned) library.</summary>
        public DrugLibrary(uint revision, DrugEntry[] entries)
            : this(revision, entries, null)
        {
        }

        public DrugLibrary(uint revision, DrugEntry[] entries, LibrarySignOff? signOff)
        {
            Revision = revision;
            _entries = entries;
            SignOff = signOff;
        }

        public bool IsDraft
        {
            get { return SignOff == null; }
        }

        public int Count
        {
            get { return _entries == null ? 0 : _entries.Length; }
        }

        /// <summary>Entry by position, 0 .. Count-1 (menu order).</summary>
        public DrugEntry GetAt(int index)
        {
            return _entries[index];
        }

        public bool TryFind(int drugId, out DrugEntry? entry)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_entries[i].DrugId == drugId)
                {
                    entry = _entries[i];
                    return true;
                }
            }

            entry = null;
            return false;
        }
    }
}
