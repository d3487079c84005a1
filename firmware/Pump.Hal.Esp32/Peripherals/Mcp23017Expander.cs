using System;
using System.Device.I2c;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// MCP23017 16-bit I/O expander (I2C1, 0x20) carrying the keys, the syringe switches and the
    /// lamps. <see cref="Poll"/> reads both ports once per control tick; the keypad and the clamp read
    /// that sample. Lamp outputs are written only when they change. Failure: a failed read marks the
    /// sample invalid, so the clamp reports "not secured" and no key is taken; the next poll
    /// reconfigures the chip (it may have been reset by a brown-out).
    /// </summary>
    public sealed class Mcp23017Expander : IDisposable
    {
        public const int Address = 0x20;

        private const byte IoDirA = 0x00;
        private const byte IoDirB = 0x01;
        private const byte GpPuA = 0x0C;
        private const byte GpPuB = 0x0D;
        private const byte GpioA = 0x12;
        private const byte OLatB = 0x15;

        private readonly I2cDevice _device;
        private readonly byte[] _write2 = new byte[2];
        private readonly byte[] _write1 = new byte[1];
        private readonly byte[] _read2 = new byte[2];
        private bool _configured;
        private int _outputs;
        private int _writtenOutputs = -1;

        public Mcp23017Expander(int busId)
        {
            _device = new I2cDevice(new I2cConnectionSettings(busId, Address, I2cBusSpeed.StandardMode));
        }

        /// <summary>True when the last poll read both ports.</summary>
        public bool SampleValid { get; private set; }

        /// <summary>Port A as read (bit set = line high).</summary>
        public int PortA { get; private set; }

        /// <summary>Port B as read (bit set = line high).</summary>
        public int PortB { get; private set; }

        /// <summary>Monotonic time of the last valid sample.</summary>
        public long SampleUs { get; private set; }

        /// <summary>Consecutive failed polls.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>Reads both ports at <paramref name="nowUs"/>.</summary>
        public void Poll(long nowUs)
        {
            SampleValid = false;
            try
            {
                if (!_configured && !Configure())
                {
                    ConsecutiveFailures++;
                    return;
                }

                _write1[0] = GpioA;
                I2cTransferResult result = _device.WriteRead(_write1, _read2);
                if (result.Status != I2cTransferStatus.FullTransfer)
                {
                    _configured = false;
                    ConsecutiveFailures++;
                    return;
                }

                PortA = _read2[0];
                PortB = _read2[1];
                SampleUs = nowUs;
                SampleValid = true;
                ConsecutiveFailures = 0;
            }
            catch (Exception)
            {
                _configured = false;
                ConsecutiveFailures++;
            }
        }

        /// <summary>Sets or clears output bits of port B (lamps); written by <see cref="FlushOutputs"/>.</summary>
        public void SetOutput(int mask, bool on)
        {
            _outputs = on ? (_outputs | mask) : (_outputs & ~mask);
        }

        /// <summary>Writes the lamp bits when they changed (or after a failure).</summary>
        public bool FlushOutputs()
        {
            if (_outputs == _writtenOutputs && _configured)
            {
                return true;
            }

            try
            {
                if (!_configured && !Configure())
                {
                    return false;
                }

                if (!WriteRegister(OLatB, (byte)_outputs))
                {
                    _configured = false;
                    return false;
                }

                _writtenOutputs = _outputs;
                return true;
            }
            catch (Exception)
            {
                _configured = false;
                return false;
            }
        }

        public void Dispose()
        {
            _device.Dispose();
        }

        private bool Configure()
        {
            // Port A: all inputs with pull-ups (keys). Port B: GPB0–3 inputs with pull-ups (switch contacts), GPB4–7 outputs (lamps).
            bool ok = WriteRegister(OLatB, (byte)_outputs)
                && WriteRegister(IoDirA, 0xFF)
                && WriteRegister(GpPuA, 0xFF)
                && WriteRegister(IoDirB, (byte)ExpanderBits.PortBInputMask)
                && WriteRegister(GpPuB, (byte)ExpanderBits.PortBInputMask);
            _configured = ok;
            _writtenOutputs = ok ? _outputs : -1;
            return ok;
        }

        private bool WriteRegister(byte register, byte value)
        {
            _write2[0] = register;
            _write2[1] = value;
            return _device.Write(_write2).Status == I2cTransferStatus.FullTransfer;
        }
    }
}
