using Pump.Core.Link;

namespace Pump.Core.Tests.Fakes
{
    /// <summary>
    /// The test pairing key and source (also the worked examples' key in monitor-link.md): here in Fakes because the
    /// rig is shared with other test projects; LinkTestKit uses the same values.
    /// </summary>
    internal static class TestLinkKey
    {
        public const ulong SourceId = 0x0012345678ABCDEFUL;
        public const string BedLabel = "ICU-3 BED 12";

        /// <summary>32 bytes 0x01..0x20.</summary>
        public static readonly byte[] Key = Make();

        public static HmacSha256 NewMac()
        {
            var mac = new HmacSha256();
            mac.SetKey(Key, 0, Key.Length);
            return mac;
        }

        private static byte[] Make()
        {
            var k = new byte[32];
            for (int i = 0; i < k.Length; i++)
            {
                k[i] = (byte)(i + 1);
            }

            return k;
        }
    }
}
