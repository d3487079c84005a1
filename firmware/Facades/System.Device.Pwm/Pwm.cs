// Compile-only facade of nanoFramework System.Device.Pwm 1.1.23 (brief nanoframework.md §1.3; compared with the real
// assembly by tests/Pump.OnTarget.Tests). NEVER DEPLOYED.
using System;

namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        internal PwmChannel() { }
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) { throw new NotImplementedException(); }
        public int Frequency { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public double DutyCycle { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public void Start() { throw new NotImplementedException(); }
        public void Stop() { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }
}
