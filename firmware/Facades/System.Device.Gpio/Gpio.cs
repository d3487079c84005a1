// Compile-only facade of nanoFramework System.Device.Gpio 1.1.62 (brief nanoframework.md §1.2). NEVER DEPLOYED.
// Only the members the device code uses (enforced by tests/Pump.Device.Tests/Build/FacadeSurfaceTests.cs). Type names typed by hand (upstream source has U+200B in some identifiers).
using System;

namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw new NotImplementedException(); }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() { }
        public PinValue Read() { throw new NotImplementedException(); }
        public void Write(PinValue value) { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    public readonly struct PinValue
    {
        private readonly byte _value;
        private PinValue(byte value) { _value = value; }
        public static PinValue High { get { return new PinValue(1); } }
        public static PinValue Low { get { return new PinValue(0); } }
        public bool Equals(PinValue other) { return _value == other._value; }
        public override bool Equals(object obj) { return obj is PinValue && Equals((PinValue)obj); }
        public override int GetHashCode() { return _value; }
        public static bool operator ==(PinValue a, PinValue b) { return a.Equals(b); }
        public static bool operator !=(PinValue a, PinValue b) { return !a.Equals(b); }
    }
}
