using System;
using System.IO;
using System.IO.Ports;

namespace Pump.Bridge.Output
{
    /// <summary>The pump's monitor-link line: RS-232, 115200 8N1, no handshake (monitor-link.md).</summary>
    public sealed class SerialLinkOutput : ILinkOutput
    {
        private readonly SerialPort _port;

        public SerialLinkOutput(string portName, int baud = 115200)
        {
            _port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, WriteTimeout = 500 };
        }

        public string Describe => $"serial {_port.PortName} {_port.BaudRate} 8N1";

        public bool Write(byte[] frame, int count)
        {
            try
            {
                if (!_port.IsOpen)
                {
                    _port.Open();
                }
                _port.Write(frame, 0, count);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException)
            {
                return false;
            }
        }

        public void Dispose() => _port.Dispose();
    }
}
