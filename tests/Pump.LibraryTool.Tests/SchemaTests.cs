using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Json.Schema;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>The published schema (validated by an independent library, JsonSchema.Net) agrees with the reader.</summary>
    public sealed class SchemaTests
    {
        private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.LibraryFolder, "drug-library.schema.json")));

        private static bool Valid(string text)
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            using JsonDocument doc = JsonDocument.Parse(text, options);
            return Schema.Evaluate(doc.RootElement).IsValid;
        }

        // Proves: LIB-010
        [Fact]
        public void ShippedSource_ValidAgainstThePublishedSchema()
        {
            Assert.True(Valid(TestPaths.ReadShippedSource()));
        }

        // Proves: LIB-010
        [Fact]
        public void RandomValidLibraries_ValidAgainstThePublishedSchema()
        {
            Gen.Int.Sample(seed => Assert.True(Valid(SourceWriter.Write(RandomLibraries.Valid(seed)))), iter: 50);
        }

        // Proves: LIB-010
        [Fact]
        public void FieldsTheReaderRefuses_AlsoInvalidAgainstTheSchema()
        {
            Assert.False(Valid(ShippedSource.With(t => ShippedSource.Ketamine(t)["doseLimit"] = 1)));
            Assert.False(Valid(ShippedSource.With(t => ShippedSource.Ketamine(t).Remove("defaultDose_mg_per_kg"))));
            Assert.False(Valid(ShippedSource.With(t => ShippedSource.Ketamine(t)["doseMode"] = "bolus")));
            Assert.False(Valid(ShippedSource.With(t => ShippedSource.Limit(ShippedSource.Ketamine(t), "dose_mg_per_kg")["hardMin"] = -1)));
            Assert.False(Valid(ShippedSource.With(t => ShippedSource.Limit(ShippedSource.Ketamine(t), "dose_mg_per_kg")["hardMin"] = null)));
            Assert.False(Valid(ShippedSource.With(t => ShippedSource.Limit(ShippedSource.Ketamine(t), "volume_mL")["rationale"] = "")));
            Assert.False(Valid(ShippedSource.With(t => t["signOff"] = new JsonObject { ["author"] = "A" })));
        }
    }
}
