// Compile-only facade of nanoFramework.Hardware.Esp32.Rmt 2.0.53 (brief nanoframework.md §1.6;
// checked against nanoframework/nanoFramework.Hardware.Esp32.Rmt TransmitterChannel.cs, TransmitChannelSettings.cs,
// RmtChannelSettings.cs). NEVER DEPLOYED.
using System;

namespace nanoFramework.Hardware.Esp32.Rmt
{
    public abstract class RmtChannelSettings
    {
        protected RmtChannelSettings(int channel, int pinNumber) { }
        public byte ClockDivider { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public byte NumberOfMemoryBlocks { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public int BufferSize { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool SignalInverterEnabled { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
    }

    public sealed class TransmitChannelSettings : RmtChannelSettings
    {
        public TransmitChannelSettings(int channel, int pinNumber) : base(channel, pinNumber) { throw new NotImplementedException(); }
        public bool EnableCarrierWave { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool EnableIdleLevelOutput { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool IdleLevel { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
    }

    // Upstream, TransmitterChannel derives from the abstract RmtChannel; the device code never uses that base,
    // but the facade keeps the real hierarchy (tests/Pump.OnTarget.Tests compares it with the real assembly).
    public abstract class RmtChannel
    {
        internal RmtChannel() { }
    }

    public class TransmitterChannel : RmtChannel, IDisposable
    {
        public TransmitterChannel(TransmitChannelSettings settings) { throw new NotImplementedException(); }
        public bool IsChannelIdle { get { throw new NotImplementedException(); } }
        /// <summary>Sends pre-serialised rmt_item32_t items (4 bytes each); waitTxDone false returns at once.</summary>
        public void SendData(byte[] data, bool waitTxDone) { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }
}
