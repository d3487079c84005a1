using System.IO;
using Pump.Core.Library;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    public sealed class CommandLineTests
    {
        // Proves: LIB-009
        [Fact]
        public void Check_SourceWithErrors_Exit1AndEveryErrorOnStderr()
        {
            using var temp = new TempFolder();
            string dir = temp.Path;
            string file = Path.Combine(dir, "bad.json");
            File.WriteAllText(file, ShippedSource.With(t =>
            {
                ShippedSource.Ketamine(t)["defaultDose_mg_per_kg"] = 0.5004;
                ShippedSource.NoDrug(t)["defaultRate_mL_per_h"] = -10;
            }));
            var (code, stdout, stderr) = Cli.Run("check", file);
            Assert.Equal(1, code);
            Assert.Equal("", stdout);
            Assert.Contains("2 errors", stderr);
            Assert.Contains("entry 1 (id 10, \"KETAMINE PSYCH 40min\"): defaultDose_mg_per_kg = 0.5004 mg/kg does not convert exactly", stderr);
            Assert.Contains("entry 0 (id 1, \"NO DRUG (mL/h)\"): defaultRate_mL_per_h = -10 mL/h is negative", stderr);
        }

        // Proves: LIB-013
        [Fact]
        public void Check_SourceThePumpRefuses_Exit1WithThePumpsMessage()
        {
            using var temp = new TempFolder();
            string dir = temp.Path;
            string file = Path.Combine(dir, "inconsistent.json");
            File.WriteAllText(file, ShippedSource.With(t => ShippedSource.Limit(ShippedSource.Ketamine(t), "duration_min")["softMin"] = 10));
            var (code, _, stderr) = Cli.Run("check", file);
            Assert.Equal(1, code);
            Assert.Contains("the pump refuses it: ID10:TIME LIMITS", stderr);
            Assert.Contains("duration limits are inconsistent", stderr);
        }

        // Proves: LIB-012
        [Fact]
        public void Build_Draft_WritesBytesThePumpDecodesAsADraft()
        {
            using var temp = new TempFolder();
            string dir = temp.Path;
            string bin = Path.Combine(dir, "draft.bin");
            string stdout = Cli.Ok("build", TestPaths.ShippedSource, "-o", bin, "--draft");
            Assert.Contains("Status: DRAFT", stdout);
            byte[] bytes = File.ReadAllBytes(bin);
            Assert.Equal(LibraryCodec.Encode(ShippedLibrary.Build()), bytes);
            Assert.True(LibraryCodec.Decode(bytes, 0, bytes.Length).Library!.IsDraft);
            Assert.Contains("OK, the pump accepts it", Cli.Ok("check", bin));
            string fileCrc = LibraryTool.Source.LibraryVerdict.CrcText(System.BitConverter.ToUInt32(bytes, bytes.Length - 4));
            Assert.Contains("file CRC " + fileCrc, stdout);
            Assert.Contains("**File CRC**: " + fileCrc, Cli.Ok("show", bin, "--md"));
        }

        // Proves: LIB-011
        [Fact]
        public void Sign_SamePersonOrAnotherCrc_RefusedAndFileUnchanged()
        {
            using var temp = new TempFolder();
            string dir = temp.Path;
            string file = Path.Combine(dir, "lib.json");
            File.Copy(TestPaths.ShippedSource, file);
            string before = File.ReadAllText(file);
            string crc = LibraryTool.Source.LibraryVerdict.CrcText(LibraryCodec.ContentCrcOf(LibraryCodec.Encode(ShippedLibrary.Build())!));

            var (same, _, sameErr) = Cli.Run("sign", file, "--author", "Ann Lee", "--reviewer", "annlee", "--crc", crc);
            Assert.Equal(1, same);
            Assert.Contains("LIB SAME SIGNER", sameErr);

            var (other, _, otherErr) = Cli.Run("sign", file, "--author", "Ann Lee", "--reviewer", "Bo Chen", "--crc", "0x12345678");
            Assert.Equal(1, other);
            Assert.Contains("is not this file's content CRC (" + crc + ")", otherErr);

            var (date, _, dateErr) = Cli.Run("sign", file, "--author", "Ann Lee", "--reviewer", "Bo Chen", "--crc", crc, "--date", "3.12.2026");
            Assert.Equal(2, date);
            Assert.Contains("yyyy-mm-dd", dateErr);
            Assert.Equal(before, File.ReadAllText(file));
        }

        // Proves: LIB-011
        [Fact]
        public void Sign_ThenEditALimit_BuildRefusedNotApproved()
        {
            using var temp = new TempFolder();
            string dir = temp.Path;
            string file = Path.Combine(dir, "lib.json");
            File.Copy(TestPaths.ShippedSource, file);
            string crc = LibraryTool.Source.LibraryVerdict.CrcText(LibraryCodec.ContentCrcOf(LibraryCodec.Encode(ShippedLibrary.Build())!));
            Cli.Ok("sign", file, "--author", "Ann Lee", "--reviewer", "Bo Chen", "--crc", crc, "--date", "2026-12-03");
            Assert.Contains("signed: author Ann Lee, reviewer Bo Chen, 2026-12-03", Cli.Ok("check", file));
            File.WriteAllText(file, File.ReadAllText(file).Replace("\"softMin\": 45,", "\"softMin\": 40,"));
            var (code, _, stderr) = Cli.Run("build", file, "-o", Path.Combine(dir, "lib.bin"));
            Assert.Equal(1, code);
            Assert.Contains("LIB NOT APPROVED", stderr);
            Assert.False(File.Exists(Path.Combine(dir, "lib.bin")));
        }

        // Proves: LIB-013
        [Fact]
        public void Show_Markdown_EveryLimitSideBySideRateRangesAndCrc()
        {
            string md = Cli.Ok("show", TestPaths.ShippedSource, "--md");
            Assert.Contains("| Quantity | Unit | Hard min | Soft min | Default | Soft max | Hard max | Rationale | Source |", md);
            Assert.Contains("| total dose per kg of body weight | mg/kg | 0 | 0.1 | 0.5 | 0.75 | 1 |", md);
            Assert.Contains("| infusion time | min | 20 | 40 | 40 | 60 | 120 |", md);
            Assert.Contains("| lightest, 30 kg | 0.1 - 45 mL/h | 1.5 - 33.75 mL/h |", md);
            Assert.Contains("| heaviest, 200 kg | 0.1 - 150 mL/h | 10 - 90 mL/h |", md);
            Assert.Contains("**Content CRC**: 0x", md);
            Assert.Contains("**Status**: DRAFT: not signed off", md);
            Assert.Contains("- **vital-sign interlock**: required (baseline and lease)", md);
            Assert.Contains("- **vital-sign interlock**: NOT required (baselineVitalsMaxAge_min is 0)", md);
        }

        // Proves: LIB-013
        [Fact]
        public void Diff_SameLibrarySourceAndBinary_NoDifferences()
        {
            using var temp = new TempFolder();
            string dir = temp.Path;
            string bin = Path.Combine(dir, "a.bin");
            Cli.Ok("build", TestPaths.ShippedSource, "-o", bin, "--draft");
            Assert.Contains("No differences.", Cli.Ok("diff", bin, TestPaths.ShippedSource, "--md"));
        }

        // Proves: LIB-009
        [Fact]
        public void Check_MissingFileOrNotALibrary_Exit1NamingTheFile()
        {
            var (code, _, stderr) = Cli.Run("check", "/nonexistent/lib.json");
            Assert.Equal(1, code);
            Assert.Contains("/nonexistent/lib.json", stderr);
            using var temp = new TempFolder();
            string dir = temp.Path;
            string bin = Path.Combine(dir, "x.bin");
            File.WriteAllBytes(bin, [(byte)'P', (byte)'L', (byte)'I', (byte)'B', 0, 0]);
            var (code2, _, stderr2) = Cli.Run("check", bin);
            Assert.Equal(1, code2);
            Assert.Contains("the pump refuses this binary: LIB TRUNCATED", stderr2);
        }
    }
}
