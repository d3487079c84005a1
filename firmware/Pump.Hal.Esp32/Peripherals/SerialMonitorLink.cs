using System;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using Pump.Hal;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Monitor link on COM2 (UART1) through a MAX3232. COM2 has no default pins on ESP32, so the
    /// pin functions are set before the port is created. The receive buffer is sized before Open
    /// (the ESP32 driver silently flushes it on overflow: the link protocol's CRC and sequence
    /// numbers catch that). Reads take only the bytes already waiting, so the nanoFramework Read,
    /// which otherwise blocks until all requested bytes arrive, never waits; the 20 ms ReadTimeout is
    /// a second guard. Failure: an exception closes the port, the link reads as silent (the vital-sign
    /// lease then expires on its own) and the port is reopened after <see cref="ReopenAfterReads"/> reads.
    /// </summary>
    public sealed class SerialMonitorLink : IMonitorLink, IDisposable
    {
        public const int ReceiveBufferBytes = 2048;
        public const int ReadTimeoutMs = 20;
        public const int ReopenAfterReads = 20;

        private readonly SerialPort _port;
        private int _readsSinceFailure;

        public SerialMonitorLink(int baudRate)
        {
            Configuration.SetPinFunction(Esp32Pins.MonitorRx, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(Esp32Pins.MonitorTx, DeviceFunction.COM2_TX);
            _port = new SerialPort("COM2", baudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadBufferSize = ReceiveBufferBytes;
            _port.ReadTimeout = ReadTimeoutMs;
            _port.WriteTimeout = ReadTimeoutMs;
            TryOpen();
        }

        /// <summary>Exceptions caught from the port since power-up.</summary>
        public int Failures { get; private set; }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return 0;
            }

            try
            {
                if (!_port.IsOpen)
                {
                    _readsSinceFailure++;
                    if (_readsSinceFailure < ReopenAfterReads || !TryOpen())
                    {
                        return 0;
                    }
                }

                int waiting = _port.BytesToRead;
                if (waiting <= 0)
                {
                    return 0;
                }

                int take = waiting < count ? waiting : count;
                return _port.Read(buffer, offset, take);
            }
            catch (Exception)
            {
                Failures++;
                _readsSinceFailure = 0;
                try
                {
                    _port.Close();
                }
                catch (Exception)
                {
                    // Already broken; the reopen path retries later.
                }

                return 0;
            }
        }

        public void Dispose()
        {
            _port.Dispose();
        }

        private bool TryOpen()
        {
            try
            {
                _port.Open();
                _readsSinceFailure = 0;
                return true;
            }
            catch (Exception)
            {
                Failures++;
                _readsSinceFailure = 0;
                return false;
            }
        }
    }
}
