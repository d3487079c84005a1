using nanoFramework.TestFramework;
using Pump.Core.Link;

namespace Pump.Core.NfTests
{
    /// <summary>
    /// The core's SHA-256 / HMAC-SHA256 and a worked monitor-link frame on the real runtime: the desktop tests prove
    /// them against System.Security.Cryptography; these prove the interpreter's 32-bit word arithmetic gives the same.
    /// </summary>
    [TestClass]
    public class LinkCryptoTests
    {
        [TestMethod]
        public void Sha256_Abc_MatchesFips180Example()
        {
            byte[] data = new byte[] { 0x61, 0x62, 0x63 };
            Sha256 sha = new Sha256();
            sha.Update(data, 0, data.Length);
            byte[] digest = new byte[32];
            sha.Finish(digest, 0);
            AssertBytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", digest, 32);
        }

        [TestMethod]
        public void Hmac_Rfc4231Case2_Matches()
        {
            byte[] key = new byte[] { 0x4a, 0x65, 0x66, 0x65 }; // "Jefe"
            string text = "what do ya want for nothing?";
            byte[] data = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                data[i] = (byte)text[i];
            }

            HmacSha256 mac = new HmacSha256();
            mac.SetKey(key, 0, key.Length);
            mac.Begin();
            mac.Update(data, 0, data.Length);
            byte[] tag = new byte[32];
            mac.Finish(tag, 0);
            AssertBytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", tag, 32);
        }

        [TestMethod]
        public void Parser_DocExampleNormalFrame_Accepted()
        {
            byte[] key = new byte[32];
            for (int i = 0; i < 32; i++)
            {
                key[i] = (byte)(i + 1);
            }

            LinkKeyStore keys = new LinkKeyStore();
            Assert.AreEqual((int)KeySetResult.Ok, (int)keys.Pair(0x12345678, key, 0, 32));
            byte[] frame = FromHex("A55A02013E7856341201000000010000" + "00EFCDAB78563412004943552D332042" + "454420313200000000480000002003000061000000200300000E000000D0070000800050006000030000"
                + "00C8AF000042D6B3A4BD11FD74B23611E234E0E13029CBD3B1");
            MonitorFrameParser parser = new MonitorFrameParser(keys, 5, 60000);
            ArrayLink link = new ArrayLink(frame);
            Assert.AreEqual((int)FrameResult.Accepted, (int)parser.Poll(link, 1000));
            Assert.AreEqual(72, parser.LastAccepted.HeartRateBpm);
            Assert.AreEqual(45000L, parser.LastAccepted.NibpAgeMs);
        }

        private static void AssertBytes(string hex, byte[] actual, int count)
        {
            byte[] expected = FromHex(hex);
            for (int i = 0; i < count; i++)
            {
                Assert.AreEqual(expected[i], actual[i]);
            }
        }

        private static byte[] FromHex(string hex)
        {
            byte[] b = new byte[hex.Length / 2];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
            }

            return b;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return c - 'A' + 10;
        }

        private sealed class ArrayLink : Pump.Hal.IMonitorLink
        {
            private readonly byte[] _bytes;
            private int _at;

            public ArrayLink(byte[] bytes)
            {
                _bytes = bytes;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = 0;
                while (n < count && _at < _bytes.Length)
                {
                    buffer[offset + n++] = _bytes[_at++];
                }

                return n;
            }
        }
    }
}
