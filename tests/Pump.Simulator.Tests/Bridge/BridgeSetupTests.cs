using System;
using System.IO;
using Pump.Bridge.Config;
using Xunit;

namespace Pump.Simulator.Tests.Bridge
{
    /// <summary>The bridge's configuration, key and boot files: every refusal names its field; the boot number only rises.</summary>
    public sealed class BridgeSetupTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("bridge-setup-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private string Write(string name, string text)
        {
            string path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        private string Config(string source = "\"kind\": \"pcd01\", \"listen\": \"127.0.0.1:2575\"", string output = "\"tcp\": \"127.0.0.1:7001\"", string id = "0x12345678") =>
            Write("bridge.json", "{ \"source\": { " + source + " }, \"output\": { " + output + " }, \"pairedMonitorId\": \"" + id + "\", \"keyFile\": \"bridge.key\", \"bootFile\": \"bridge.boot\" }");

        // Proves: BRG-013
        [Fact]
        public void Load_ValidPcd01Config_ReadsKeyAndId_BootRisesByOneEachStart()
        {
            Write("bridge.key", "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
            BridgeSetup s = BridgeSetup.Load(Config());

            Assert.Equal(0x12345678u, s.MonitorId);
            Assert.Equal(32, s.Key.Length);
            Assert.Equal(1u, s.RaiseBoot());
            Assert.Equal(2u, s.RaiseBoot());
            Assert.Equal("2", File.ReadAllText(Path.Combine(_dir, "bridge.boot")));
        }

        // Proves: BRG-013
        [Theory]
        [InlineData("0011", "KeyTooShort")]
        [InlineData("4242424242424242424242424242424242424242424242424242424242424242", "KeyNotRandom")]
        [InlineData("not hex", "not a hex key")]
        public void Load_KeyThePumpWouldRefuse_RefusedNamingKeyFile(string key, string reason)
        {
            Write("bridge.key", key);

            var e = Assert.Throws<ConfigException>(() => BridgeSetup.Load(Config()));
            Assert.Equal("keyFile", e.Field);
            Assert.Contains(reason, e.Message);
        }

        // Proves: BRG-013
        [Theory]
        [InlineData("\"kind\": \"serial-monitor\"", "\"tcp\": \"127.0.0.1:7001\"", "0x1", "source.kind")]
        [InlineData("\"kind\": \"intellivue\", \"monitor\": \"10.0.0.5\"", "\"tcp\": \"127.0.0.1:7001\"", "0x1", "source.sourceId")]
        [InlineData("\"kind\": \"pcd01\", \"listen\": \"127.0.0.1:2575\"", "\"tcp\": \"127.0.0.1:7001\", \"serialPort\": \"/dev/ttyS0\"", "0x1", "output")]
        [InlineData("\"kind\": \"pcd01\", \"listen\": \"127.0.0.1:2575\"", "\"tcp\": \"127.0.0.1:7001\"", "0x0", "pairedMonitorId")]
        public void Load_BadField_RefusedNamingIt(string source, string output, string id, string field)
        {
            Write("bridge.key", "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");

            var e = Assert.Throws<ConfigException>(() => BridgeSetup.Load(Config(source, output, id)));
            Assert.Equal(field, e.Field);
        }

        // Proves: BRG-008
        [Fact]
        public void BootCounter_DamagedFile_RefusedRatherThanStartingLow()
        {
            string path = Write("bridge.boot", "12x");

            var e = Assert.Throws<ConfigException>(() => BootCounter.Next(path));
            Assert.Equal("bootFile", e.Field);
            Assert.Equal("12x", File.ReadAllText(path));
        }
    }
}
