using System.Collections.Generic;
using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>Why a limit has its values: free text the reviewer reads beside the numbers.</summary>
    internal sealed record LimitNote(string Rationale, string Source);

    /// <summary>One drug profile as read: the entry the pump will store, and a note per limit block (null from a binary).</summary>
    internal sealed record SourceEntry(DrugEntry Entry, LimitNote?[] Notes);

    /// <summary>
    /// A library as the tool holds it: read from a source file (with notes) or decoded from the pump's
    /// binary (without). <see cref="ToLibrary"/> is what the pump would store.
    /// </summary>
    internal sealed class LibrarySource
    {
        public LibrarySource(uint revision, IReadOnlyList<SourceEntry> entries, LibrarySignOff? signOff)
        {
            Revision = revision;
            Entries = entries;
            SignOff = signOff;
        }

        public uint Revision { get; }

        public IReadOnlyList<SourceEntry> Entries { get; }

        public LibrarySignOff? SignOff { get; }

        public DrugLibrary ToLibrary()
        {
            return new DrugLibrary(Revision, Array(), SignOff);
        }

        /// <summary>The same content without its sign-off (what the content CRC is computed over).</summary>
        public DrugLibrary ToDraftLibrary()
        {
            return new DrugLibrary(Revision, Array(), null);
        }

        public static LibrarySource FromLibrary(DrugLibrary library)
        {
            var entries = new SourceEntry[library.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = new SourceEntry(library.GetAt(i), new LimitNote?[DrugEntry.StoredLimitCount]);
            }

            return new LibrarySource(library.Revision, entries, library.SignOff);
        }

        private DrugEntry[] Array()
        {
            var entries = new DrugEntry[Entries.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = Entries[i].Entry;
            }

            return entries;
        }
    }
}
