using Pump.Core.Library;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>Field-by-field equality of entries, walking the source format's field table and every limit block.</summary>
    internal static class EntryAssert
    {
        public static void Same(DrugLibrary expected, DrugLibrary actual)
        {
            Assert.Equal(expected.Revision, actual.Revision);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.IsDraft, actual.IsDraft);
            if (expected.SignOff != null)
            {
                Assert.Equal(expected.SignOff.Author, actual.SignOff!.Author);
                Assert.Equal(expected.SignOff.Reviewer, actual.SignOff.Reviewer);
                Assert.Equal(expected.SignOff.DateYyyymmdd, actual.SignOff.DateYyyymmdd);
                Assert.Equal(expected.SignOff.ApprovedCrc, actual.SignOff.ApprovedCrc);
            }

            for (int i = 0; i < expected.Count; i++)
            {
                Same(expected.GetAt(i), actual.GetAt(i));
            }
        }

        public static void Same(DrugEntry expected, DrugEntry actual)
        {
            foreach (EntryField f in SourceFields.Entry)
            {
                Assert.Equal(f.Get(expected), f.Get(actual));
            }

            for (int k = 0; k < DrugEntry.StoredLimitCount; k++)
            {
                Limits a = expected.GetLimits((LimitKind)k);
                Limits b = actual.GetLimits((LimitKind)k);
                Assert.Equal((a.HardMin, a.SoftMin, a.SoftMax, a.HardMax), (b.HardMin, b.SoftMin, b.SoftMax, b.HardMax));
            }
        }
    }
}
