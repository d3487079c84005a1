using System;
using System.Security.Cryptography;
using System.Text;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Link
{
    /// <summary>
    /// The core's SHA-256 and HMAC-SHA256 against published vectors (FIPS 180-4 examples, RFC 4231 §4.2–4.8)
    /// and against System.Security.Cryptography for random keys and messages of every length around block edges.
    /// </summary>
    [Collection(AllocationCollection.Name)]
    public sealed class HmacSha256Tests
    {
        private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty));

        private static byte[] Repeat(byte b, int n)
        {
            var a = new byte[n];
            Array.Fill(a, b);
            return a;
        }

        private static byte[] CoreHash(byte[] data)
        {
            var sha = new Sha256();
            var output = new byte[32];
            sha.Update(data, 0, data.Length);
            sha.Finish(output, 0);
            return output;
        }

        private static byte[] CoreMac(byte[] key, byte[] data)
        {
            var mac = new HmacSha256();
            mac.SetKey(key, 0, key.Length);
            mac.Begin();
            mac.Update(data, 0, data.Length);
            var output = new byte[32];
            mac.Finish(output, 0);
            return output;
        }

        // FIPS 180-4 / NIST CSRC SHA-256 examples: "abc", the two-block message, and one million 'a'.
        // Proves: LNK-013
        [Theory]
        [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        public void Sha256_FipsExamples_MatchPublishedDigests(string message, string digest)
        {
            Assert.Equal(Hex(digest), CoreHash(Encoding.ASCII.GetBytes(message)));
        }

        // Proves: LNK-013
        [Fact]
        public void Sha256_OneMillionA_MatchesPublishedDigest()
        {
            Assert.Equal(Hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"), CoreHash(Repeat((byte)'a', 1_000_000)));
        }

        // RFC 4231 test cases 1-4, 6 and 7 (full output) and 5 (truncated to 128 bits).
        // Proves: LNK-013
        [Theory]
        [InlineData(1, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
        [InlineData(2, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
        [InlineData(3, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")]
        [InlineData(4, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")]
        [InlineData(5, "a3b6167473100ee06e0c796c2955552b")]
        [InlineData(6, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
        [InlineData(7, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")]
        public void HmacSha256_Rfc4231Vectors_Match(int testCase, string expected)
        {
            (byte[] key, byte[] data) = testCase switch
            {
                1 => (Repeat(0x0b, 20), Encoding.ASCII.GetBytes("Hi There")),
                2 => (Encoding.ASCII.GetBytes("Jefe"), Encoding.ASCII.GetBytes("what do ya want for nothing?")),
                3 => (Repeat(0xaa, 20), Repeat(0xdd, 50)),
                4 => (Hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), Repeat(0xcd, 50)),
                5 => (Repeat(0x0c, 20), Encoding.ASCII.GetBytes("Test With Truncation")),
                6 => (Repeat(0xaa, 131), Encoding.ASCII.GetBytes("Test Using Larger Than Block-Size Key - Hash Key First")),
                _ => (Repeat(0xaa, 131), Encoding.ASCII.GetBytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")),
            };
            byte[] want = Hex(expected);

            var mac = new HmacSha256();
            mac.SetKey(key, 0, key.Length);
            mac.Begin();
            mac.Update(data, 0, data.Length);
            var got = new byte[want.Length];
            mac.FinishTruncated(got, 0, want.Length);

            Assert.Equal(want, got);
        }

        // Proves: LNK-013
        [Fact]
        public void Sha256AndHmac_RandomInputsAroundBlockEdges_MatchSystemSecurityCryptography()
        {
            var rng = new Random(4231);
            for (int length = 0; length <= 200; length++)
            {
                var data = new byte[length];
                rng.NextBytes(data);
                var key = new byte[rng.Next(1, 140)];
                rng.NextBytes(key);

                Assert.Equal(SHA256.HashData(data), CoreHash(data));
                Assert.Equal(HMACSHA256.HashData(key, data), CoreMac(key, data));
            }
        }

        // Proves: LNK-013
        [Fact]
        public void Hmac_MessageFedInPieces_EqualsOneShot()
        {
            var rng = new Random(7);
            var key = new byte[32];
            var data = new byte[300];
            rng.NextBytes(key);
            rng.NextBytes(data);
            var mac = new HmacSha256();
            mac.SetKey(key, 0, key.Length);
            mac.Begin();
            for (int at = 0; at < data.Length;)
            {
                int n = Math.Min(rng.Next(1, 70), data.Length - at);
                mac.Update(data, at, n);
                at += n;
            }

            var got = new byte[32];
            mac.Finish(got, 0);
            Assert.Equal(HMACSHA256.HashData(key, data), got);
        }

        // Proves: LNK-013, BLD-004
        [Fact]
        public void Hmac_AfterKeying_AllocatesNothingPerMessage()
        {
            var mac = LinkTestKit.NewMac(LinkTestKit.Key);
            var data = new byte[83];
            var tag = new byte[16];
            mac.Begin();
            mac.Update(data, 0, data.Length);
            mac.FinishTruncated(tag, 0, 16);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                data[0] = (byte)i;
                mac.Begin();
                mac.Update(data, 0, data.Length);
                mac.FinishAndVerify(tag, 0, 16);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // Proves: SEC-004
        [Fact]
        public void FinishAndVerify_AnyTagBitFlipped_Refuses()
        {
            var mac = LinkTestKit.NewMac(LinkTestKit.Key);
            var data = Encoding.ASCII.GetBytes("vitals");
            var tag = new byte[16];
            mac.Begin();
            mac.Update(data, 0, data.Length);
            mac.FinishTruncated(tag, 0, 16);
            for (int bit = 0; bit < 128; bit++)
            {
                tag[bit / 8] ^= (byte)(1 << (bit % 8));
                mac.Begin();
                mac.Update(data, 0, data.Length);
                Assert.False(mac.FinishAndVerify(tag, 0, 16));
                tag[bit / 8] ^= (byte)(1 << (bit % 8));
            }

            mac.Begin();
            mac.Update(data, 0, data.Length);
            Assert.True(mac.FinishAndVerify(tag, 0, 16));
        }
    }
}
