using System;
using System.Device.I2c;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// DS3231 temperature-compensated RTC with a backup cell (I2C1, 0x68), kept in UTC.
    /// Failure: a bus error, an invalid register value, or the oscillator-stop flag (the clock lost
    /// power or was never set) → false; the flag stays set until the clock is set again (SetUtc).
    /// </summary>
    public sealed class Ds3231RealTimeClock : IRealTimeClock, IRealTimeClockSetter, IDisposable
    {
        public const int Address = 0x68;
        private const byte StatusRegister = 0x0F;

        private readonly I2cDevice _device;
        private readonly byte[] _reg = new byte[1];
        private readonly byte[] _time = new byte[7];
        private readonly byte[] _status = new byte[1];
        private readonly byte[] _write = new byte[8];

        public Ds3231RealTimeClock(int busId)
        {
            _device = new I2cDevice(new I2cConnectionSettings(busId, Address, I2cBusSpeed.StandardMode));
        }

        public bool TryReadUtcSeconds(out long utcSeconds)
        {
            utcSeconds = 0;
            try
            {
                _reg[0] = StatusRegister;
                if (_device.WriteRead(_reg, _status).Status != I2cTransferStatus.FullTransfer
                    || (_status[0] & Ds3231Codec.OscillatorStopFlag) != 0)
                {
                    return false;
                }

                _reg[0] = 0x00;
                if (_device.WriteRead(_reg, _time).Status != I2cTransferStatus.FullTransfer)
                {
                    return false;
                }

                return Ds3231Codec.TryDecode(_time, 0, out utcSeconds);
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Service mode's setter: <see cref="SetUtc"/>.</summary>
        public bool TrySetUtcSeconds(long utcSeconds)
        {
            return SetUtc(utcSeconds);
        }

        /// <summary>Sets the clock (service use) and clears the oscillator-stop flag.</summary>
        public bool SetUtc(long utcSeconds)
        {
            try
            {
                _write[0] = 0x00;
                if (!Ds3231Codec.TryEncode(utcSeconds, _write, 1)
                    || _device.Write(_write).Status != I2cTransferStatus.FullTransfer)
                {
                    return false;
                }

                _reg[0] = StatusRegister;
                if (_device.WriteRead(_reg, _status).Status != I2cTransferStatus.FullTransfer)
                {
                    return false;
                }

                byte[] clear = new byte[] { StatusRegister, (byte)(_status[0] & ~Ds3231Codec.OscillatorStopFlag) };
                return _device.Write(clear).Status == I2cTransferStatus.FullTransfer;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
