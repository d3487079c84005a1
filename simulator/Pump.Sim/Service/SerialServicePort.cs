using System;
using System.IO;
using System.IO.Ports;
using Pump.Hal;

namespace Pump.Sim.Service
{
    /// <summary>
    /// The simulated pump's service connector on a real serial device (a USB-serial adapter, or a pseudo-terminal in
    /// the tests): 115200 8N1 without handshake, as the device's UART2 (service-link.md). Never blocks: a read takes
    /// only what has arrived; a device that fails is closed and reopened on the next read, as replugging a cable would.
    /// </summary>
    public sealed class SerialServicePort : IServicePort, IDisposable
    {
        private readonly SerialPort _port;

        public SerialServicePort(string device, int baud = 115200)
        {
            _port = new SerialPort(device, baud, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, WriteTimeout = 1000 };
            _port.Open(); // a device that cannot be opened is refused at once, with the system's reason
        }

        public string Device => _port.PortName;

        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                if (!_port.IsOpen)
                {
                    _port.Open();
                }
                int available = _port.BytesToRead;
                return available <= 0 ? 0 : _port.Read(buffer, offset, Math.Min(count, available));
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
            {
                Close();
                return 0;
            }
        }

        public bool TryWrite(byte[] buffer, int offset, int count)
        {
            try
            {
                if (!_port.IsOpen)
                {
                    _port.Open();
                }
                _port.Write(buffer, offset, count);
                return true;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
            {
                Close();
                return false;
            }
        }

        private void Close()
        {
            try
            {
                _port.Close();
            }
            catch (IOException)
            {
                // Already gone: the next read reopens it.
            }
        }

        public void Dispose() => _port.Dispose();
    }
}
