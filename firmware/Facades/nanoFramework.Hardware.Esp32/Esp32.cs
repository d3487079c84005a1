// Compile-only facade of nanoFramework.Hardware.Esp32 1.6.42 (brief nanoframework.md §1.5). NEVER DEPLOYED.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { throw new NotImplementedException(); }
    }

    /// <summary>Only the functions the device uses, with their real values (DeviceType + index·0x100 + sub).</summary>
    public enum DeviceFunction
    {
        I2C1_DATA = 0x20100,
        I2C1_CLOCK = 0x20101,
        I2C2_DATA = 0x20200,
        I2C2_CLOCK = 0x20201,
        COM2_TX = 0x30200,
        COM2_RX = 0x30201,
        COM3_TX = 0x30300,
        COM3_RX = 0x30301,
        PWM1 = 0x40100,
    }

    public class HighResTimer : IDisposable
    {
        public HighResTimer() { throw new NotImplementedException(); }
        /// <summary>µs since boot (esp_timer_get_time).</summary>
        public static ulong GetCurrent() { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }
}

// GpioPulseCounter ships in nanoFramework.Hardware.Esp32.dll although its namespace is System.Device.Gpio.
namespace System.Device.Gpio
{
    public sealed class GpioPulseCounter : IDisposable
    {
        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1) { throw new NotImplementedException(); }
        public GpioPulsePolarity Polarity { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public ushort FilterPulses { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public GpioPulseCount Read() { throw new NotImplementedException(); }
        public void Start() { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public struct GpioPulseCount
    {
        public long Count;
    }

    public enum GpioPulsePolarity
    {
        Both,
        Falling,
        Rising,
    }
}
