using System;
using System.Security.Cryptography;
using System.Text;
using Pump.Core.Link;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// What commissioning puts on both ends of a monitor link: the sender's id and the per-pairing secret.
    /// The simulator derives its key from the monitor id (a simulation has no secret to keep); a real
    /// bridge reads a random key from its key file (hardware-docs/monitor-bridge.md).
    /// </summary>
    public sealed class MonitorPairing
    {
        public MonitorPairing(uint monitorId, byte[] key)
        {
            if (monitorId == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(monitorId), "monitor id 0 is never valid");
            }
            if (key.Length < LinkKeyStore.MinKeyLength || key.Length > LinkKeyStore.MaxKeyLength)
            {
                throw new ArgumentException("a pairing key has " + LinkKeyStore.MinKeyLength + " to " + LinkKeyStore.MaxKeyLength + " bytes", nameof(key));
            }
            MonitorId = monitorId;
            Key = (byte[])key.Clone();
        }

        public uint MonitorId { get; }

        public byte[] Key { get; }

        /// <summary>The simulation pairing for a monitor id: key = SHA-256("pump-sim pairing " + id in hex).</summary>
        public static MonitorPairing Simulated(uint monitorId) =>
            new MonitorPairing(monitorId, SHA256.HashData(Encoding.ASCII.GetBytes("pump-sim pairing " + monitorId.ToString("X8"))));

        /// <summary>A sender-side MAC keyed with this pairing.</summary>
        public HmacSha256 NewMac()
        {
            var mac = new HmacSha256();
            mac.SetKey(Key, 0, Key.Length);
            return mac;
        }

        /// <summary>Pairs a pump's key store; throws if the core refuses the key (it would refuse every frame).</summary>
        public void PairPump(LinkKeyStore store)
        {
            KeySetResult r = store.Pair(MonitorId, Key, 0, Key.Length);
            if (r != KeySetResult.Ok)
            {
                throw new InvalidOperationException("the pump refused the pairing key: " + r);
            }
        }
    }
}
