using System;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// The service port (hardware-docs/service-link.md): COM3 (UART2) on GPIO16/17 through the MAX3232's second
    /// channel, 115200 8N1. Opened only by service mode. Reads only what has arrived (never blocks the loop);
    /// a port error reads as silence and a reopen is tried later, as the monitor link does.
    /// </summary>
    public sealed class SerialServicePort : IServicePort, IDisposable
    {
        public const int ReceiveBufferBytes = 2048;
        public const int TimeoutMs = 20;
        public const int ReopenAfterReads = 20;

        private readonly SerialPort _port;
        private readonly LinkReadPolicy _policy = new LinkReadPolicy(ReopenAfterReads);

        public SerialServicePort(int baudRate)
        {
            Configuration.SetPinFunction(Esp32Pins.ServiceRx, DeviceFunction.COM3_RX);
            Configuration.SetPinFunction(Esp32Pins.ServiceTx, DeviceFunction.COM3_TX);
            _port = new SerialPort("COM3", baudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadBufferSize = ReceiveBufferBytes;
            _port.ReadTimeout = TimeoutMs;
            _port.WriteTimeout = TimeoutMs;
            TryOpen();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (count <= 0 || (_policy.IsFailed && (!_policy.ShouldTryReopen() || !TryOpen())))
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
                Broken();
                return 0;
            }
        }

        public bool TryWrite(byte[] buffer, int offset, int count)
        {
            if (_policy.IsFailed)
            {
                return false;
            }

            try
            {
                _port.Write(buffer, offset, count);
                return true;
            }
            catch (Exception)
            {
                Broken();
                return false;
            }
        }

        private void Broken()
        {
            _policy.Failed();
            try
            {
                _port.Close();
            }
            catch (Exception)
            {
                // Already broken; the reopen path retries later.
            }
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
                _policy.Failed();
                return false;
            }
        }

        public void Dispose()
        {
            _port.Dispose();
        }
    }
}
