// Compile-only facade of nanoFramework System.Device.Adc (checked against nanoframework/System.Device.Adc
// AdcController.cs; AdcChannel derives from AdcChannelBase upstream). NEVER DEPLOYED.
using System;

namespace System.Device.Adc
{
    // Upstream the controller derives from the abstract AdcControllerBase; the device code never uses the base,
    // but the facade keeps the real hierarchy (tests/Pump.OnTarget.Tests compares it with the real assembly).
    public abstract class AdcControllerBase
    {
        internal AdcControllerBase() { }
    }

    public class AdcController : AdcControllerBase
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
