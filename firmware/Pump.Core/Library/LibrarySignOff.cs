namespace Pump.Core.Library
{
    /// <summary>
    /// The pharmacy's four-eyes approval of one library: who wrote it, who reviewed it (two different
    /// people), the date, and the content CRC they approved (<see cref="LibraryCodec.ContentCrc"/>, the
    /// CRC printed on the review report). A library without one is a draft and the pump shows it as such.
    /// Checked by <see cref="SignOffChecks"/>; the approved CRC is compared by <see cref="LibraryCodec"/>.
    /// </summary>
    public sealed class LibrarySignOff
    {
        /// <summary>Longest author or reviewer name (printable ASCII), the width of its slot in the binary.</summary>
        public const int MaxNameChars = 31;

        public readonly string Author;

        public readonly string Reviewer;

        /// <summary>Date of the review as the decimal number yyyymmdd (e.g. 20261203).</summary>
        public readonly int DateYyyymmdd;

        /// <summary>CRC-32 of the encoded library content that the reviewer approved.</summary>
        public readonly uint ApprovedCrc;

        public LibrarySignOff(string author, string reviewer, int dateYyyymmdd, uint approvedCrc)
        {
            Author = author;
            Reviewer = reviewer;
            DateYyyymmdd = dateYyyymmdd;
            ApprovedCrc = approvedCrc;
        }
    }
}
