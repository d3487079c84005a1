using System.IO;
using Pump.Core.Library;
using Pump.LibraryTool.Generation;
using Pump.LibraryTool.Review;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    public sealed class GeneratedFilesTests
    {
        // Proves: LIB-010
        [Fact]
        public void ShippedLibraryData_IsGeneratedFromTheShippedSource_NotStale()
        {
            string expected = ShippedCodeGenerator.Generate(ShippedSource.Read(TestPaths.ReadShippedSource()));
            string committed = File.ReadAllText(Path.Combine(TestPaths.LibraryFolder, "ShippedLibraryData.cs"));
            Assert.True(expected == committed.Replace("\r\n", "\n"),
                "ShippedLibraryData.cs is stale: edit shipped-library.json, then run\n" + ShippedCodeGenerator.Command);
        }

        // Proves: LIB-010
        [Fact]
        public void Schema_IsGeneratedFromTheFieldTable_NotStale()
        {
            string committed = File.ReadAllText(Path.Combine(TestPaths.LibraryFolder, "drug-library.schema.json"));
            Assert.True(SchemaWriter.Write() == committed.Replace("\r\n", "\n"),
                "drug-library.schema.json is stale: run dotnet run --project simulator/Pump.LibraryTool -- schema -o firmware/Pump.Core/Library/drug-library.schema.json");
        }

        // Proves: LIB-010
        [Fact]
        public void ShippedLibrary_EqualsWhatTheToolBuildsFromTheSource_ByteForByte()
        {
            LibrarySource source = ShippedSource.Read(TestPaths.ReadShippedSource());
            Assert.Equal(LibraryCodec.Encode(source.ToLibrary()), LibraryCodec.Encode(ShippedLibrary.Build()));
            Assert.True(ShippedLibrary.Build().IsDraft);
        }

        // Proves: LIB-010
        [Fact]
        public void ShippedLibrary_NamedIds_ResolveToTheirEntries()
        {
            Assert.Equal("KETAMINE PSYCH 40min", ShippedLibrary.KetaminePsych40().Name);
            Assert.Equal(ShippedLibrary.KetaminePsych40Id, ShippedLibrary.KetaminePsych40().DrugId);
            Assert.Equal("NO DRUG (mL/h)", ShippedLibrary.NoDrug().Name);
            Assert.Equal(ShippedLibrary.NoDrugId, ShippedLibrary.NoDrug().DrugId);
        }

        // Proves: LIB-009
        [Fact]
        public void SourceFields_EveryClinicalFieldName_EndsWithItsUnit()
        {
            foreach (EntryField f in SourceFields.Entry)
            {
                if (f.Unit != null)
                {
                    Assert.EndsWith("_" + f.Unit.NameSuffix, f.Name);
                }
            }

            foreach (LimitField b in SourceFields.LimitBlocks)
            {
                Assert.EndsWith("_" + b.Unit.NameSuffix, b.Name);
            }

            Assert.Equal(DrugEntry.StoredLimitCount, SourceFields.LimitBlocks.Count);
        }
    
        // Proves: LIB-009
        [Fact]
        public void PharmacistDocument_NamesEveryFieldOfTheSourceFormat()
        {
            string doc = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "hardware-docs", "drug-library.md"));
            foreach (EntryField f in SourceFields.Entry)
            {
                Assert.Contains("`" + f.Name + "`", doc);
            }

            foreach (LimitField b in SourceFields.LimitBlocks)
            {
                Assert.Contains("`" + b.Name + "` | " + b.Unit.Label + " |", doc);
            }
        }
    
        // Proves: LIB-013
        [Fact]
        public void ShippedLibraryReview_IsTheToolsReportOfTheShippedSource_NotStale()
        {
            string expected = ReportRenderer.Markdown(ReviewDocument.Build(LibraryFile.Load(TestPaths.ShippedSource)));
            string committed = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "hardware-docs", "shipped-library-review.md"));
            Assert.True(expected == committed.Replace("\r\n", "\n"),
                "hardware-docs/shipped-library-review.md is stale: run dotnet run --project simulator/Pump.LibraryTool -- show "
                + "firmware/Pump.Core/Library/shipped-library.json --md -o hardware-docs/shipped-library-review.md");
        }
    }
}
