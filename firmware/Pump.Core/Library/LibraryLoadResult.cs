namespace Pump.Core.Library
{
    /// <summary>
    /// The outcome of loading or checking a library: either an accepted <see cref="Library"/>, or a
    /// specific refusal with a panel line (at most 20 chars) and a longer message for the log.
    /// </summary>
    public sealed class LibraryLoadResult
    {
        public const int MaxShortMessageChars = 20;

        public readonly LibraryError Error;

        /// <summary>The accepted library; null whenever Error is not None.</summary>
        public readonly DrugLibrary? Library;

        /// <summary>Index of the offending entry, or -1.</summary>
        public readonly int EntryIndex;

        /// <summary>Drug id of the offending entry, or 0.</summary>
        public readonly int DrugId;

        public readonly string ShortMessage;

        public readonly string LongMessage;

        private LibraryLoadResult(LibraryError error, DrugLibrary? library, int entryIndex, int drugId, string shortMessage, string longMessage)
        {
            Error = error;
            Library = library;
            EntryIndex = entryIndex;
            DrugId = drugId;
            ShortMessage = shortMessage;
            LongMessage = longMessage;
        }

        public bool IsAccepted
        {
            get { return Error == LibraryError.None; }
        }

        public static LibraryLoadResult Accepted(DrugLibrary library)
        {
            return new LibraryLoadResult(LibraryError.None, library, -1, 0, "LIB OK", "Drug library accepted");
        }

        public static LibraryLoadResult Refused(LibraryError error, string shortMessage, string longMessage)
        {
            return new LibraryLoadResult(error, null, -1, 0, Clip(shortMessage), "Drug library refused: " + longMessage);
        }

        /// <summary>A refusal about one entry: the panel line reads "ID&lt;id&gt;:&lt;problem&gt;".</summary>
        public static LibraryLoadResult RefusedEntry(LibraryError error, int entryIndex, int drugId, string name, string problem, string detail)
        {
            string shortMessage = Clip("ID" + drugId.ToString() + ":" + problem);
            string who = "entry " + entryIndex.ToString() + " (id " + drugId.ToString()
                + (name != null && name.Length > 0 ? ", \"" + name + "\"" : string.Empty) + ")";
            return new LibraryLoadResult(error, null, entryIndex, drugId, shortMessage, "Drug library refused: " + who + ": " + detail);
        }

        private static string Clip(string text)
        {
            return text.Length <= MaxShortMessageChars ? text : text.Substring(0, MaxShortMessageChars);
        }
    }
}
