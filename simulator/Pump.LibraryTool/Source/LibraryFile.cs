using System;
using System.Collections.Generic;
using System.IO;
using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// A library loaded from disk: a source file (JSON, read by <see cref="SourceReader"/>) or the pump's
    /// binary (decoded by the pump's own <see cref="LibraryCodec.Decode"/>). A binary is recognised by its
    /// magic "PLIB", not by its name.
    /// </summary>
    internal sealed class LibraryFile
    {
        private LibraryFile(string path, LibrarySource? source, IReadOnlyList<SourceError> errors, bool isBinary, uint? fileCrc = null)
        {
            Path = path;
            Source = source;
            Errors = errors;
            IsBinary = isBinary;
            FileCrc = fileCrc;
        }

        /// <summary>The CRC-32 stored at the end of an accepted binary (covers every byte before it); null for a source.</summary>
        public uint? FileCrc { get; }

        public string Path { get; }

        /// <summary>Null when the file could not be read; <see cref="Errors"/> says why.</summary>
        public LibrarySource? Source { get; }

        public IReadOnlyList<SourceError> Errors { get; }

        public bool IsBinary { get; }

        public static LibraryFile Load(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return new LibraryFile(path, null, [new SourceError(path, "cannot be read: " + e.Message)], false);
            }

            return FromBytes(path, bytes);
        }

        public static LibraryFile FromBytes(string path, byte[] bytes)
        {
            if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'L' && bytes[2] == 'I' && bytes[3] == 'B')
            {
                LibraryLoadResult r = LibraryCodec.Decode(bytes, 0, bytes.Length);
                return r.IsAccepted
                    ? new LibraryFile(path, LibrarySource.FromLibrary(r.Library!), [], true,
                        BitConverter.ToUInt32(bytes, (int)BitConverter.ToUInt32(bytes, 12) - LibraryCodec.CrcBytes))
                    : new LibraryFile(path, null, [new SourceError(path, "the pump refuses this binary: " + r.ShortMessage + " (" + r.LongMessage + ")")], true);
            }

            string text;
            try
            {
                text = new System.Text.UTF8Encoding(false, true).GetString(bytes);
            }
            catch (System.Text.DecoderFallbackException)
            {
                return new LibraryFile(path, null, [new SourceError(path, "is neither a library binary (PLIB) nor UTF-8 text")], false);
            }

            LibrarySource? source = SourceReader.Read(text, out IReadOnlyList<SourceError> errors);
            return new LibraryFile(path, source, errors, false);
        }
    }
}
