using System;
using System.Device.I2c;
using System.Threading;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Load cell through a NAU7802 24-bit bridge ADC on its own I2C bus (I2C2, 0x2A), 80 samples/s,
    /// gain 128, internal 3.3 V LDO exciting the bridge. Chosen over an HX711: the HX711's clock
    /// must never stay high longer than 60 µs (it then powers down mid-read), and bit-banged GPIO on
    /// nanoFramework takes hundreds of µs per edge with GC pauses on top, so an HX711 read is not
    /// reliable; the NAU7802's I2C transfers are done by the hardware controller.
    /// Failure: no fresh conversion within <see cref="MaxSampleAgeUs"/>, a bus error, a saturated
    /// reading or a failed power-up → false; the next call retries the initialisation.
    /// </summary>
    public sealed class Nau7802ForceSensor : IForceSensor, IDisposable
    {
        public const int Address = 0x2A;
        public const long MaxSampleAgeUs = 100000;

        private const byte PuCtrl = 0x00;
        private const byte Ctrl1 = 0x01;
        private const byte Ctrl2 = 0x02;
        private const byte AdcoB2 = 0x12;
        private const byte AdcReg = 0x15;
        private const byte PuRr = 0x01, PuPud = 0x02, PuPua = 0x04, PuPur = 0x08, PuCs = 0x10, PuCr = 0x20, PuAvdds = 0x80;
        private const byte Ctrl1Gain128Ldo33 = (0x04 << 3) | 0x07;   // VLDO = 3.3 V, GAINS = x128
        private const byte Ctrl2Rate80 = 0x03 << 4;                  // CRS = 80 SPS
        private const byte Ctrl2Cals = 0x04, Ctrl2CalError = 0x08;

        private readonly I2cDevice _device;
        private readonly IMonotonicClock _clock;
        private readonly LoadCellScale _scale;
        private readonly byte[] _reg = new byte[1];
        private readonly byte[] _one = new byte[1];
        private readonly byte[] _three = new byte[3];
        private readonly byte[] _pair = new byte[2];
        private bool _ready;
        private int _lastRaw;
        private long _lastSampleUs = long.MinValue / 2;

        public Nau7802ForceSensor(int busId, IMonotonicClock clock, LoadCellScale scale)
        {
            _clock = clock;
            _scale = scale;
            _device = new I2cDevice(new I2cConnectionSettings(busId, Address, I2cBusSpeed.StandardMode));
            _ready = TryInitialise();
        }

        /// <summary>Last raw 24-bit reading (for calibration).</summary>
        public int LastRawCounts { get { return _lastRaw; } }

        /// <summary>The latest raw conversion, fresh and from a ready chip, whatever the calibration (service mode).</summary>
        public bool TryReadRawCounts(out int counts)
        {
            int ignored;
            TryReadForce(out ignored);
            counts = _lastRaw;
            return _ready && _clock.NowUs - _lastSampleUs <= MaxSampleAgeUs;
        }

        public bool TryReadForce(out int forceMilliNewtons)
        {
            forceMilliNewtons = 0;
            try
            {
                if (!_ready)
                {
                    _ready = TryInitialise();
                    if (!_ready)
                    {
                        return false;
                    }
                }

                byte status;
                if (!TryReadRegister(PuCtrl, out status))
                {
                    _ready = false;
                    return false;
                }

                if ((status & PuPur) == 0)
                {
                    _ready = false;   // chip reset (brown-out): set it up again
                    return false;
                }

                if ((status & PuCr) != 0)
                {
                    _reg[0] = AdcoB2;
                    if (_device.WriteRead(_reg, _three).Status != I2cTransferStatus.FullTransfer)
                    {
                        _ready = false;
                        return false;
                    }

                    _lastRaw = LoadCellScale.FromBytes(_three[0], _three[1], _three[2]);
                    _lastSampleUs = _clock.NowUs;
                }
            }
            catch (Exception)
            {
                _ready = false;
                return false;
            }

            if (_clock.NowUs - _lastSampleUs > MaxSampleAgeUs)
            {
                return false;
            }

            return _scale.TryConvert(_lastRaw, out forceMilliNewtons);
        }

        public void Dispose()
        {
            _device.Dispose();
        }

        /// <summary>Power-up sequence of the datasheet (reset, power up, wait for PUR, configure, calibrate, start).</summary>
        private bool TryInitialise()
        {
            try
            {
                if (!WriteRegister(PuCtrl, PuRr) || !WriteRegister(PuCtrl, 0) || !WriteRegister(PuCtrl, PuPud))
                {
                    return false;
                }

                Thread.Sleep(10);   // power-up takes < 1 ms; 10 ms is the scheduler's floor anyway
                byte status;
                if (!TryReadRegister(PuCtrl, out status) || (status & PuPur) == 0)
                {
                    return false;
                }

                if (!WriteRegister(PuCtrl, PuPud | PuPua | PuAvdds)
                    || !WriteRegister(Ctrl1, Ctrl1Gain128Ldo33)
                    || !WriteRegister(Ctrl2, Ctrl2Rate80)
                    || !WriteRegister(AdcReg, 0x30))   // REG_CHPS = 11: chopper clock off, as the datasheet recommends
                {
                    return false;
                }

                Thread.Sleep(300);  // let the LDO and bridge settle before the offset calibration
                if (!WriteRegister(Ctrl2, Ctrl2Rate80 | Ctrl2Cals))
                {
                    return false;
                }

                for (int i = 0; i < 50; i++)
                {
                    Thread.Sleep(10);
                    byte ctrl2;
                    if (!TryReadRegister(Ctrl2, out ctrl2))
                    {
                        return false;
                    }

                    if ((ctrl2 & Ctrl2Cals) == 0)
                    {
                        return (ctrl2 & Ctrl2CalError) == 0 && WriteRegister(PuCtrl, PuPud | PuPua | PuAvdds | PuCs);
                    }
                }

                return false;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private bool WriteRegister(byte register, int value)
        {
            _pair[0] = register;
            _pair[1] = (byte)value;
            return _device.Write(_pair).Status == I2cTransferStatus.FullTransfer;
        }

        private bool TryReadRegister(byte register, out byte value)
        {
            _reg[0] = register;
            bool ok = _device.WriteRead(_reg, _one).Status == I2cTransferStatus.FullTransfer;
            value = _one[0];
            return ok;
        }
    }
}
