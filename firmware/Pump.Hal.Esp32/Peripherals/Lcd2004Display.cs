using System;
using System.Device.I2c;
using System.Threading;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// 20×4 HD44780 character display behind a PCF8574 backpack (I2C1, default 0x27; 0x3F on
    /// PCF8574A boards). A row is sent only when its text changed, as one 84-byte I2C write from a
    /// preallocated buffer (~8 ms at 100 kHz). Failure: a failed write marks the row for resending and,
    /// after <see cref="FailuresBeforeUnhealthy"/> consecutive failures, IsHealthy goes false; the next
    /// write re-initialises the display (it may have lost power), and a successful write restores health.
    /// </summary>
    public sealed class Lcd2004Display : IDisplay, IDisposable
    {
        public const int FailuresBeforeUnhealthy = 3;
        private const int ColumnCount = 20;
        private const int RowCount = 4;

        private readonly I2cDevice _device;
        private readonly char[][] _shown = new char[RowCount][];
        private readonly bool[] _rowValid = new bool[RowCount];
        private readonly byte[] _buffer = new byte[(ColumnCount + 1) * Hd44780Codec.BytesPerDisplayByte];
        private readonly DisplayHealth _health;

        public Lcd2004Display(int busId, int address)
        {
            for (int r = 0; r < RowCount; r++)
            {
                _shown[r] = new char[ColumnCount];
            }

            _device = new I2cDevice(new I2cConnectionSettings(busId, address, I2cBusSpeed.StandardMode));
            _health = new DisplayHealth(FailuresBeforeUnhealthy, TryInitialise());
        }

        public int Columns { get { return ColumnCount; } }

        public int Rows { get { return RowCount; } }

        public bool IsHealthy { get { return _health.IsHealthy; } }

        public void WriteRow(int row, char[] text)
        {
            if (row < 0 || row >= RowCount || text == null)
            {
                return;
            }

            if (_rowValid[row] && SameText(_shown[row], text))
            {
                return;
            }

            try
            {
                if (_health.NeedsInitialise)
                {
                    if (!TryInitialise())
                    {
                        Failed(row);
                        return;
                    }

                    _health.Initialised();
                }

                int count = Hd44780Codec.EncodeRow(row, text, ColumnCount, _buffer);
                if (_device.Write(new SpanByte(_buffer, 0, count)).Status != I2cTransferStatus.FullTransfer)
                {
                    Failed(row);
                    return;
                }

                for (int i = 0; i < ColumnCount; i++)
                {
                    _shown[row][i] = i < text.Length ? text[i] : ' ';
                }

                _rowValid[row] = true;
                _health.WriteSucceeded();
            }
            catch (Exception)
            {
                Failed(row);
            }
        }

        public void Dispose()
        {
            _device.Dispose();
        }

        private void Failed(int row)
        {
            _rowValid[row] = false;
            _health.WriteFailed();
            if (_health.NeedsInitialise)
            {
                for (int r = 0; r < RowCount; r++)
                {
                    _rowValid[r] = false;
                }
            }
        }

        private static bool SameText(char[] shown, char[] text)
        {
            for (int i = 0; i < ColumnCount; i++)
            {
                char c = i < text.Length ? text[i] : ' ';
                if (shown[i] != c)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>HD44780 "initialisation by instruction" into 4-bit mode (datasheet figure 24), then display on, clear.</summary>
        private bool TryInitialise()
        {
            try
            {
                Thread.Sleep(50);
                int at = 0;
                for (int i = 0; i < 3; i++)
                {
                    at = Hd44780Codec.EncodeNibble(0x03, _buffer, 0);
                    if (!Send(at))
                    {
                        return false;
                    }

                    Thread.Sleep(10);   // ≥ 4.1 ms required; 10 ms is the scheduler's granularity
                }

                at = Hd44780Codec.EncodeNibble(0x02, _buffer, 0);
                if (!Send(at))
                {
                    return false;
                }

                Thread.Sleep(10);
                at = Hd44780Codec.Encode(0x28, false, _buffer, 0);   // 4-bit, 2 lines (4-line modules), 5×8 font
                at = Hd44780Codec.Encode(0x0C, false, _buffer, at);  // display on, cursor off, blink off
                at = Hd44780Codec.Encode(0x06, false, _buffer, at);  // entry mode: increment, no shift
                at = Hd44780Codec.Encode(0x01, false, _buffer, at);  // clear (1.52 ms)
                if (!Send(at))
                {
                    return false;
                }

                Thread.Sleep(10);
                for (int r = 0; r < RowCount; r++)
                {
                    _rowValid[r] = false;
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private bool Send(int count)
        {
            return _device.Write(new SpanByte(_buffer, 0, count)).Status == I2cTransferStatus.FullTransfer;
        }
    }
}
