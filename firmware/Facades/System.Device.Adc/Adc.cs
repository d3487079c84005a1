// Compile-only facade of nanoFramework System.Device.Adc (checked against nanoframework/System.Device.Adc
// AdcController.cs; AdcChannel derives from AdcChannelBase upstream). NEVER DEPLOYED.
using System;

namespace System.Device.Adc
{
    public sealed class AdcController
    {
        public AdcController() { throw new NotImplementedException(); }
        public AdcChannel OpenChannel(int channelNumber) { throw new NotImplementedException(); }
    }

    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal AdcChannel() { }
        public override int ReadValue() { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }
}
