using nanoFramework.TestFramework;
using Pump.Core.Library;

namespace Pump.Core.NfTests
{
    /// <summary>
    /// The drug-library codec and its sign-off on the real runtime: the same bytes, content CRC and refusals
    /// as on .NET (tests/Pump.LibraryTool.Tests prove them there).
    /// </summary>
    [TestClass]
    public class LibraryCodecNfTests
    {
        [TestMethod]
        public void ShippedLibrary_EncodeDecode_DraftRoundTripsToTheSameBytes()
        {
            byte[] bytes = LibraryCodec.Encode(ShippedLibrary.Build())!;
            LibraryLoadResult r = LibraryCodec.Decode(bytes, 0, bytes.Length);
            AssertText("LIB OK", r.ShortMessage);
            Assert.IsTrue(r.Library!.IsDraft);
            byte[] again = LibraryCodec.Encode(r.Library)!;
            Assert.AreEqual(bytes.Length, again.Length);
            for (int i = 0; i < bytes.Length; i++)
            {
                Assert.AreEqual(bytes[i], again[i]);
            }
        }

        [TestMethod]
        public void SignedLibrary_SignOffKept_AndChangedContentRefused()
        {
            DrugLibrary draft = ShippedLibrary.Build();
            uint content;
            Assert.IsTrue(LibraryCodec.TryContentCrc(draft, out content));
            DrugEntry[] entries = new DrugEntry[] { draft.GetAt(0), draft.GetAt(1) };
            byte[] signed = LibraryCodec.Encode(new DrugLibrary(draft.Revision, entries, new LibrarySignOff("Ann Lee", "Bo Chen", 20261203, content)))!;
            LibraryLoadResult r = LibraryCodec.Decode(signed, 0, signed.Length);
            AssertText("LIB OK", r.ShortMessage);
            AssertText("Bo Chen", r.Library!.SignOff!.Reviewer);
            Assert.AreEqual(content, LibraryCodec.ContentCrcOf(signed));
            AssertText("LIB NOT APPROVED",
                LibraryCodec.Check(new DrugLibrary(draft.Revision, entries, new LibrarySignOff("Ann Lee", "Bo Chen", 20261203, content ^ 1))).ShortMessage);
        }

        [TestMethod]
        public void SignOffChecks_SamePersonAndImpossibleDate_Refused()
        {
            DrugEntry[] one = new DrugEntry[] { ShippedLibrary.NoDrug() };
            AssertText("LIB SAME SIGNER", LibraryChecks.Check(new DrugLibrary(1, one, new LibrarySignOff("Ann Lee", "ANNLEE", 20261203, 0))).ShortMessage);
            AssertText("LIB SIGN DATE BAD", LibraryChecks.Check(new DrugLibrary(1, one, new LibrarySignOff("A", "B", 20260229, 0))).ShortMessage);
            AssertText("LIB SIGN DATE BAD", LibraryChecks.Check(new DrugLibrary(1, one, new LibrarySignOff("A", "B", -20261203, 0))).ShortMessage);
        }

        // The test framework facade has no string overload of AreEqual.
        private static void AssertText(string expected, string actual)
        {
            Assert.IsTrue(expected == actual);
        }
    }
}
