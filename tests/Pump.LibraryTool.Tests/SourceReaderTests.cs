using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Pump.Core.Library;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    public sealed class SourceReaderTests
    {
        private const string Ketamine = "entry 1 (id 10, \"KETAMINE PSYCH 40min\")";

        private static string OnlyError(string text)
        {
            IReadOnlyList<SourceError> errors = ShippedSource.Errors(text);
            Assert.Single(errors);
            return errors[0].ToString();
        }

        // Proves: LIB-009
        [Fact]
        public void Read_ShippedSource_ConvertsEveryClinicalValueExactly()
        {
            DrugEntry k = ShippedSource.Read(TestPaths.ReadShippedSource()).Entries[1].Entry;
            Assert.Equal(new[] { 1000, 2000 }, k.ConcentrationsUgPerMl);
            Assert.Equal(500, k.DefaultDoseUgPerKg);
            Assert.Equal(2400, k.DefaultDurationS);
            Assert.Equal(300, k.BaselineVitalsMaxAgeS);
            Assert.Equal(1125, k.RateLimitsUgPerKgPerH.SoftMax);
            Assert.Equal(100_000, k.RateLimitsNlPerH.HardMin);
            Assert.Equal(1_200_000_000, k.RateLimitsNlPerH.HardMax);
            Assert.Equal(Limits.Unlimited, k.SessionsPer7DaysLimits.HardMax);
        }

        // Proves: LIB-009
        [Theory]
        [InlineData("dose_mg_per_kg", "softMax", "0.7505", "limits.dose_mg_per_kg.softMax = 0.7505 mg/kg does not convert exactly to whole µg/kg")]
        [InlineData("duration_min", "softMax", "40.01", "limits.duration_min.softMax = 40.01 min does not convert exactly to whole s")]
        [InlineData("infusionRate_mL_per_h", "hardMin", "0.0000001", "limits.infusionRate_mL_per_h.hardMin = 0.0000001 mL/h does not convert exactly to whole nL/h")]
        [InlineData("patientWeight_kg", "hardMin", "30.0001", "limits.patientWeight_kg.hardMin = 30.0001 kg does not convert exactly to whole g")]
        [InlineData("totalDose_mg", "hardMax", "1e-4", "limits.totalDose_mg.hardMax = 1e-4 mg does not convert exactly to whole µg")]
        [InlineData("dose_mg_per_kg", "hardMin", "-0.1", "limits.dose_mg_per_kg.hardMin = -0.1 mg/kg is negative")]
        [InlineData("volume_mL", "hardMax", "1e400", "limits.volume_mL.hardMax = 1e400 mL is beyond the largest value the pump can store")]
        [InlineData("dose_mg_per_kg", "hardMin", "null", "limits.dose_mg_per_kg.hardMin = null: must be a number in mg/kg")]
        [InlineData("dose_mg_per_kg", "hardMax", "\"1\"", "limits.dose_mg_per_kg.hardMax = \"1\": must be a number in mg/kg (or null for no upper limit)")]
        public void Read_LimitThatDoesNotConvertExactly_RefusedNamingEntryFieldAndValue(string block, string bound, string json, string expected)
        {
            string text = ShippedSource.With(t => ShippedSource.Limit(ShippedSource.Ketamine(t), block)[bound] = JsonNode.Parse(json));
            string error = OnlyError(text);
            Assert.StartsWith(Ketamine + ": ", error);
            Assert.Contains(expected, error);
        }

        // Proves: LIB-009
        [Theory]
        [InlineData("defaultDose_mg_per_kg", "0.5001", "defaultDose_mg_per_kg = 0.5001 mg/kg does not convert exactly")]
        [InlineData("concentrations_mg_per_mL", "[1, 2.0005]", "concentrations_mg_per_mL[1] = 2.0005 mg/mL does not convert exactly")]
        [InlineData("concentrations_mg_per_mL", "[1, 3000000]", "concentrations_mg_per_mL[1] = 3000000 mg/mL is beyond the largest value")]
        [InlineData("baselineVitalsMaxAge_min", "0.01", "baselineVitalsMaxAge_min = 0.01 min does not convert exactly to whole s")]
        [InlineData("doseMode", "\"weightBased\"", "doseMode = \"weightBased\": must be \"weightBasedTotalOverDuration\" or \"plainRate\"")]
        [InlineData("bolusAllowed", "0", "bolusAllowed = 0: must be true or false")]
        [InlineData("drugId", "70000", "drugId = 70000: must be a whole number 0..65535")]
        [InlineData("name", "10", "name = 10: must be text in double quotes")]
        public void Read_BadEntryField_RefusedNamingEntryFieldAndValue(string field, string json, string expected)
        {
            string text = ShippedSource.With(t => ShippedSource.Ketamine(t)[field] = JsonNode.Parse(json));
            string error = OnlyError(text);
            Assert.StartsWith("entry 1 (id ", error);
            Assert.Contains(expected, error);
        }

        // Proves: LIB-009
        [Fact]
        public void Read_ExactValuesInAnyNotation_Accepted()
        {
            string text = ShippedSource.With(t =>
            {
                ShippedSource.Ketamine(t)["defaultDuration_min"] = JsonNode.Parse("40.5");
                ShippedSource.Limit(ShippedSource.Ketamine(t), "dose_mg_per_kg")["softMin"] = JsonNode.Parse("1e-1");
                ShippedSource.Limit(ShippedSource.Ketamine(t), "totalDose_mg")["softMax"] = JsonNode.Parse("75.000");
            });
            DrugEntry k = ShippedSource.Read(text).Entries[1].Entry;
            Assert.Equal(2430, k.DefaultDurationS);
            Assert.Equal(100, k.DoseLimitsUgPerKg.SoftMin);
            Assert.Equal(75_000, k.TotalDoseLimitsUg.SoftMax);
        }

        // Proves: LIB-009
        [Fact]
        public void Read_UnknownMissingAndEmptyFields_EachRefusedByName()
        {
            string text = ShippedSource.With(t =>
            {
                JsonObject k = ShippedSource.Ketamine(t);
                k["dose_mg_per_kg"] = 0.5; // a limit written at the wrong level
                k.Remove("defaultDuration_min");
                ShippedSource.Limit(k, "duration_min")["rationale"] = " ";
                ShippedSource.Limit(k, "volume_mL").Remove("source");
            });
            string[] errors = ShippedSource.Errors(text).Select(e => e.ToString()).ToArray();
            Assert.Contains(errors, e => e.StartsWith(Ketamine) && e.Contains("dose_mg_per_kg: unknown field"));
            Assert.Contains(errors, e => e.StartsWith(Ketamine) && e.Contains("defaultDuration_min: missing"));
            Assert.Contains(errors, e => e.StartsWith(Ketamine) && e.Contains("limits.duration_min.rationale is empty"));
            Assert.Contains(errors, e => e.StartsWith(Ketamine) && e.Contains("limits.volume_mL.source: missing"));
            Assert.Equal(4, errors.Length);
        }

        // Proves: LIB-009
        [Fact]
        public void Read_FieldGivenTwice_RefusedRatherThanOneSilentlyWinning()
        {
            string text = TestPaths.ReadShippedSource().Replace("\"revision\": 1,", "\"revision\": 1, \"revision\": 2,");
            Assert.Contains("revision: given twice", OnlyError(text));
        }

        // Proves: LIB-009
        [Theory]
        [InlineData("{ \"revision\": 1, \"entries\": [ }", "not valid JSON: line 1")]
        [InlineData("[1, 2]", "the file must hold one JSON object")]
        [InlineData("", "not valid JSON")]
        public void Read_NotALibrary_RefusedWithClearMessage(string text, string expected)
        {
            Assert.Contains(expected, ShippedSource.Errors(text)[0].ToString());
        }

        // Proves: LIB-009
        [Theory]
        [InlineData("date", "\"2026-13-01\"", "signOff.date = \"2026-13-01\": must be a date written \"yyyy-mm-dd\"")]
        [InlineData("approvedContentCrc", "\"D79F839B\"", "signOff.approvedContentCrc = \"D79F839B\": must be the CRC from the review report")]
        [InlineData("author", "7", "signOff.author = 7: must be text")]
        public void Read_MalformedSignOff_RefusedNamingTheField(string field, string json, string expected)
        {
            string text = ShippedSource.With(t =>
            {
                t["signOff"] = new JsonObject { ["author"] = "A", ["reviewer"] = "B", ["date"] = "2026-12-03", ["approvedContentCrc"] = "0x00000000" };
                t["signOff"]![field] = JsonNode.Parse(json);
            });
            Assert.Contains(expected, OnlyError(text));
        }
    
        // Proves: LIB-009
        [Fact]
        public void Read_UnpairedSurrogates_RefusedAsNotTextInsteadOfCrashing()
        {
            Assert.Contains("not valid text", OnlyError(TestPaths.ReadShippedSource().Replace("KETAMINE PSYCH", "KETAMINE \ud800PSYCH")));
            Assert.Equal("entries[1].name escapes half of a UTF-16 surrogate pair, which is not text",
                OnlyError(TestPaths.ReadShippedSource().Replace("\"KETAMINE PSYCH 40min\"", "\"K\\ud800\"")));
            Assert.Contains("entries[1] escapes half of a UTF-16 surrogate pair", OnlyError(TestPaths.ReadShippedSource().Replace("\"bolusAllowed\": false,\n      \"concentrations_mg_per_mL\": [1, 2]", "\"bolusAllowed\": false, \"\\udc00\": 1,\n      \"concentrations_mg_per_mL\": [1, 2]")));
        }
    }
}
