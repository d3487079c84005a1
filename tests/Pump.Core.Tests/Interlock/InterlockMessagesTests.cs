using System;
using System.Linq;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Interlock
{
    public sealed class InterlockMessagesTests
    {
        // Proves: VIT-001
        [Fact]
        public void Messages_EveryCause_DistinctAndAtMost20Chars()
        {
            var lease = Enum.GetValues<LeaseCause>().Select(InterlockMessages.ForLease).ToArray();
            var start = Enum.GetValues<StartCheck>().Select(InterlockMessages.ForStart).ToArray();
            var link = Enum.GetValues<FrameResult>().Select(LinkMessages.ForResult).ToArray();

            foreach (var set in new[] { lease, start, link })
            {
                Assert.Equal(set.Length, set.Distinct().Count());
                Assert.All(set, m => Assert.InRange(m.Length, 1, 20));
                Assert.DoesNotContain(set, m => m.EndsWith("UNKNOWN", StringComparison.Ordinal) || m == "START REFUSED");
            }
        }
    }
}
