using System;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Monitor link on COM2 (UART1) through a MAX3232. COM2 has no default pins on ESP32, so the
    /// pin functions are set before the port is created. The receive buffer is sized before Open
    /// (the ESP32 driver silently flushes it on overflow: the link protocol's CRC and sequence
    /// numbers catch that). Reads take only the bytes already waiting (<see cref="LinkReadPolicy"/>),
    /// so nanoFramework's Read, which otherwise blocks until all requested bytes arrive, never waits;
    /// the 20 ms ReadTimeout is a second guard. Failure: an exception closes the port, the link reads
    /// as silent (the vital-sign lease then expires on its own) and the port is reopened once a second.
    /// </summary>
    public sealed class SerialMonitorLink : IMonitorLink, IDisposable
    {
        public const int ReceiveBufferBytes = 2048;
        public const int ReadTimeoutMs = 20;
        public const int ReopenAfterReads = 20;

        private readonly SerialPort _port;
        private readonly LinkReadPolicy _policy = new LinkReadPolicy(ReopenAfterReads);

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

            if (_policy.IsFailed && (!_policy.ShouldTryReopen() || !TryOpen()))
            {
                return 0;
            }

            try
            {
                int take = LinkReadPolicy.BytesToTake(_port.BytesToRead, count);
                return take == 0 ? 0 : _port.Read(buffer, offset, take);
            }
            catch (Exception)
            {
                Failures++;
                _policy.Failed();
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
                if (!_port.IsOpen)
                {
                    _port.Open();
                }

                _policy.Opened();
                return true;
            }
            catch (Exception)
            {
                Failures++;
                _policy.Failed();
                return false;
            }
        }
    }
}
