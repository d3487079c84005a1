using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// What the pump says about a library's content, computed with the pump's own code: the verdict of
    /// <see cref="LibraryCodec.Check"/> on the library as it would be stored, and the content CRC a
    /// reviewer approves (the same number whether or not the library is signed).
    /// </summary>
    internal sealed class LibraryVerdict
    {
        private LibraryVerdict(LibraryLoadResult result, uint? contentCrc)
        {
            Result = result;
            ContentCrc = contentCrc;
        }

        public LibraryLoadResult Result { get; }

        /// <summary>Null when the content itself fails the pump's consistency checks.</summary>
        public uint? ContentCrc { get; }

        public bool IsAccepted => Result.IsAccepted;

        public static LibraryVerdict Of(LibrarySource source)
        {
            LibraryLoadResult result = LibraryCodec.Check(source.ToLibrary());
            uint? crc = LibraryCodec.TryContentCrc(source.ToDraftLibrary(), out uint c) ? c : null;
            return new LibraryVerdict(result, crc);
        }

        public static string CrcText(uint crc)
        {
            return "0x" + crc.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
