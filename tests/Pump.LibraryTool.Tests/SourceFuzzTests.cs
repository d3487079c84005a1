using System;
using System.Collections.Generic;
using CsCheck;
using Pump.Core.Library;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>Hostile source files: the reader and the tool never crash, and what they accept the pump accepts too.</summary>
    public sealed class SourceFuzzTests
    {
        private static readonly string[] Tokens =
        [
            "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-", "1e999", "-0", "0.0000001", "1e-999", "9223372036854775807",
            "18446744073709551616", "//", "/*", "*/", "\u0000", "\ud800", "\"\\ud800\"", "\"\\udc00\": 1,", "\u00e9", "\"signOff\": {}", "\"limits\": 1", "NaN", "0x10",
        ];

        // Proves: LIB-009
        [Fact]
        public void MutatedShippedSource_NeverThrows_AndAnyAcceptedLibraryBuildsAndDecodes()
        {
            string good = TestPaths.ReadShippedSource();
            Gen.Select(Gen.Int[0, good.Length - 1], Gen.Int[0, Tokens.Length - 1], Gen.Int[0, 40], Gen.Int[0, 2]).Sample((at, token, cut, how) =>
            {
                int end = Math.Min(good.Length, at + cut);
                string text = how switch
                {
                    0 => good.Substring(0, at) + Tokens[token] + good.Substring(at),
                    1 => good.Substring(0, at) + Tokens[token] + good.Substring(end),
                    _ => good.Substring(0, at) + good.Substring(end),
                };
                LibrarySource? source = SourceReader.Read(text, out IReadOnlyList<SourceError> errors);
                if (source == null)
                {
                    Assert.NotEmpty(errors);
                    return;
                }

                LibraryVerdict verdict = LibraryVerdict.Of(source);
                if (verdict.IsAccepted)
                {
                    byte[] bytes = LibraryCodec.Encode(source.ToLibrary())!;
                    Assert.True(LibraryCodec.Decode(bytes, 0, bytes.Length).IsAccepted);
                }
            }, iter: 1500);
        }
    }
}
