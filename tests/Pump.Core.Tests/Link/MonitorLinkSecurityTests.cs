using System;
using System.Linq;
using System.Reflection;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Link
{
    public sealed class MonitorLinkSecurityTests
    {
        // Proves: SEC-001
        [Fact]
        public void Parse_EveryTypeButVitalsWithValidCrc_RejectedAndCounted()
        {
            var parser = LinkTestKit.NewParser();
            var link = new FakeMonitorLink();
            byte[] vitalsPayload = LinkTestKit.Payload(LinkTestKit.Encode(LinkTestKit.Normal(1)));
            uint seq = 1;
            int sent = 0;
            for (int type = 0; type <= 255; type++)
            {
                if (type == MonitorFrameFormat.TypeVitals)
                {
                    continue;
                }

                // Both an empty payload and a vitals-shaped one: neither may be taken for anything.
                link.Enqueue(LinkTestKit.Raw(2, (byte)type, LinkTestKit.PairedId, seq++, Array.Empty<byte>()));
                link.Enqueue(LinkTestKit.Raw(2, (byte)type, LinkTestKit.PairedId, seq++, vitalsPayload));
                sent += 2;
            }

            var results = LinkTestKit.Drain(parser, link, 0);

            Assert.Equal(sent, results.Count);
            Assert.All(results, r => Assert.Equal(FrameResult.UnknownType, r));
            Assert.Equal(sent, parser.CountOf(FrameResult.UnknownType));
            Assert.False(parser.HasAccepted);
        }

        // Proves: SEC-001
        [Fact]
        public void FrameFormat_DeclaresExactlyOneMessageType()
        {
            var typeConstants = typeof(MonitorFrameFormat).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.Name.StartsWith("Type", StringComparison.Ordinal))
                .Select(f => f.Name)
                .ToArray();

            Assert.Equal(new[] { "TypeVitals" }, typeConstants);
        }

        // Proves: SEC-002
        [Fact]
        public void Interlock_ValidInLimitFramesWithoutPanelStart_NeverPermitInfusion()
        {
            var link = new FakeMonitorLink();
            var interlock = new VitalSignInterlock(InterlockProfile.KetaminePsych40(), LinkTestKit.Keys());
            for (uint s = 1; s <= 100; s++)
            {
                link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(s)));
                interlock.Tick(link, s * 1000L);
                Assert.False(interlock.MayInfuse(s * 1000L));
            }

            Assert.Equal(100, interlock.Parser.AcceptedCount);
            Assert.False(interlock.SessionActive);
        }

        // Proves: SEC-002
        [Fact]
        public void Interlock_PublicApi_HasNoLinkDrivenStartOrResume()
        {
            // Start and resume exist only as explicit calls the panel makes; none takes link bytes or a frame.
            var methods = typeof(VitalSignInterlock).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            foreach (var m in methods.Where(m => m.Name.Contains("Start") || m.Name.Contains("Resume")))
            {
                // Inputs are times only; a result may come back through an out parameter.
                Assert.All(m.GetParameters(), p => Assert.Equal(typeof(long), p.IsOut ? p.ParameterType.GetElementType() : p.ParameterType));
            }
        }
    }
}
