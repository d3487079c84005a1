using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using CsCheck;
using Pump.Core.Library;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    public sealed class RoundTripTests
    {
        // Proves: LIB-013
        [Fact]
        public void ShippedSource_BuildThenDecode_EntriesEqualTheSource()
        {
            LibrarySource source = ShippedSource.Read(TestPaths.ReadShippedSource());
            byte[] bytes = LibraryCodec.Encode(source.ToLibrary())!;
            LibraryLoadResult decoded = LibraryCodec.Decode(bytes, 0, bytes.Length);
            Assert.True(decoded.IsAccepted, decoded.LongMessage);
            EntryAssert.Same(source.ToLibrary(), decoded.Library!);
        }

        // Proves: LIB-009, LIB-013
        [Fact]
        public void RandomValidLibrary_SourceTextThenBinary_DecodesToTheSameEntriesAndNotes()
        {
            Gen.Int.Sample(seed =>
            {
                LibrarySource original = RandomLibraries.Valid(seed);
                Assert.True(LibraryCodec.Check(original.ToLibrary()).IsAccepted, LibraryCodec.Check(original.ToLibrary()).LongMessage);
                LibrarySource read = ShippedSource.Read(SourceWriter.Write(original));
                EntryAssert.Same(original.ToLibrary(), read.ToLibrary());
                for (int i = 0; i < original.Entries.Count; i++)
                {
                    Assert.Equal(original.Entries[i].Notes, read.Entries[i].Notes);
                }

                byte[] bytes = LibraryCodec.Encode(read.ToLibrary())!;
                Assert.NotNull(bytes);
                LibraryLoadResult decoded = LibraryCodec.Decode(bytes, 0, bytes.Length);
                Assert.True(decoded.IsAccepted, decoded.LongMessage);
                EntryAssert.Same(original.ToLibrary(), decoded.Library!);
                Assert.Equal(bytes, LibraryCodec.Encode(decoded.Library!));
            }, iter: 150);
        }

        private static readonly Func<string, Random, string>[] Breakers =
        [
            // A clinical number that is not a whole stored unit (0.1 nL/h, 0.1 µg, 0.006 s, 0.1 h...).
            (t, r) => ReplaceValue(t, "softMax", r, "0.0000001"),
            // A negative bound.
            (t, r) => ReplaceValue(t, "hardMin", r, "-1"),
            // A soft minimum beyond anything the pump can store.
            (t, r) => ReplaceValue(t, "softMin", r, "1e30"),
            // A field renamed.
            (t, r) => ReplaceValue(t, "name", r, "\"x\", \"nom\": \"x\""),
            // A field given twice.
            (t, r) => ReplaceValue(t, "bolusAllowed", r, "false, \"bolusAllowed\": true"),
            // Cut short.
            (t, r) => t.Substring(0, r.Next(t.Length - 2)),
            // A rationale emptied.
            (t, r) => ReplaceValue(t, "rationale", r, "\"  \""),
            // A drug id of 0.
            (t, r) => ReplaceValue(t, "drugId", r, "0"),
        ];

        // Proves: LIB-009, LIB-013
        [Fact]
        public void RandomInvalidLibrary_NeverAccepted_AndEveryErrorSaysWhere()
        {
            Gen.Select(Gen.Int, Gen.Int[0, Breakers.Length - 1], Gen.Int).Sample((seed, kind, where) =>
            {
                string text = Breakers[kind](SourceWriter.Write(RandomLibraries.Valid(seed)), new Random(where));
                LibrarySource? source = SourceReader.Read(text, out IReadOnlyList<SourceError> errors);
                if (source == null)
                {
                    Assert.NotEmpty(errors);
                    foreach (SourceError e in errors)
                    {
                        Assert.False(string.IsNullOrWhiteSpace(e.Problem));
                    }

                    return;
                }

                LibraryVerdict verdict = LibraryVerdict.Of(source);
                Assert.False(verdict.IsAccepted, "breaker " + kind + " was accepted");
                Assert.InRange(verdict.Result.ShortMessage.Length, 1, LibraryLoadResult.MaxShortMessageChars);
            }, iter: 300);
        }

        /// <summary>Replaces the value of one randomly chosen occurrence of a field.</summary>
        private static string ReplaceValue(string text, string field, Random r, string value)
        {
            MatchCollection matches = Regex.Matches(text, "\"" + field + "\": (\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)");
            Assert.NotEmpty(matches);
            Group g = matches[r.Next(matches.Count)].Groups[1];
            return text.Substring(0, g.Index) + value + text.Substring(g.Index + g.Length);
        }
    }
}
