using System.Linq;
using Pump.Core.Library;
using Pump.Evidence.Fuzz;
using Xunit;

namespace Pump.Evidence.Tests.Fuzz
{
    /// <summary>
    /// Default-run fuzzing of the pump's drug-library decoder with a seeded batch; the long run is
    /// `dotnet run -c Release --project tests/Pump.Evidence -- fuzz --inputs 1000000`.
    /// </summary>
    public sealed class LibraryFuzzTests
    {
        // Proves: SEC-052, SEC-054, LIB-007, LIB-011
        [Fact]
        public void MutatedLibraries_20000_NeverEscapeAndReachTheFieldAndSignOffChecks()
        {
            LibraryFuzzTotals totals = LibraryFuzzer.Run(seed: 20261203, inputs: 20_000, completed: _ => { });
            Assert.Equal(20_000, totals.Inputs);
            Assert.True(totals.Accepted > 0, "no mutated library was accepted: the oracle on accepted libraries never ran");
            LibraryError[] reached = Enumerable.Range(1, totals.ByError.Length - 1).Where(e => totals.ByError[e] > 0).Select(e => (LibraryError)e).ToArray();
            foreach (LibraryError deep in new[] { LibraryError.CrcMismatch, LibraryError.Truncated, LibraryError.InconsistentLimits, LibraryError.BadSignOff, LibraryError.NotApproved })
            {
                Assert.Contains(deep, reached);
            }
        }

        // Proves: SEC-052
        [Fact]
        public void Seeds_AreAcceptedCanonicalLibraries()
        {
            foreach (byte[] seed in LibraryFuzzer.Seeds())
            {
                LibraryFuzzer.Check(seed, new LibraryFuzzTotals());
                Assert.True(LibraryCodec.Decode(seed, 0, seed.Length).IsAccepted);
            }
        }
    }
}
