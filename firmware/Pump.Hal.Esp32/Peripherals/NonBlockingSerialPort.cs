using System;
using System.IO.Ports;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// One UART as the control loop may use it, shared by the monitor link and the service port: 8N1, no handshake,
    /// the receive buffer sized before Open (the ESP32 driver silently flushes it on overflow; the link protocols'
    /// CRC and sequence numbers catch that). Reads take only the bytes already waiting (<see cref="Logic.LinkReadPolicy"/>),
    /// so nanoFramework's Read, which otherwise blocks until all requested bytes arrive, never waits; the 20 ms
    /// timeouts are a second guard. Failure: an exception closes the port, it reads as silence (the vital-sign lease
    /// then expires on its own) and writes fail, and a reopen is tried once every <see cref="ReopenAfterReads"/> reads.
    /// The caller routes the pins first: COM2 and COM3 have no default pins on the ESP32.
    /// </summary>
    public sealed class NonBlockingSerialPort : IDisposable
    {
        public const int ReceiveBufferBytes = 2048;
        public const int TimeoutMs = 20;

        /// <summary>One reopen attempt per second at the 50 ms tick.</summary>
        public const int ReopenAfterReads = 20;

        private readonly SerialPort _port;
        private readonly Logic.LinkReadPolicy _policy = new Logic.LinkReadPolicy(ReopenAfterReads);

        public NonBlockingSerialPort(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadBufferSize = ReceiveBufferBytes;
            _port.ReadTimeout = TimeoutMs;
            _port.WriteTimeout = TimeoutMs;
            TryOpen();
        }

        /// <summary>Exceptions caught from the port since power-up.</summary>
        public int Failures { get; private set; }

        /// <summary>Copies at most count waiting bytes; 0 when none are waiting or the port is failed.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            if (count <= 0 || (_policy.IsFailed && (!_policy.ShouldTryReopen() || !TryOpen())))
            {
                return 0;
            }

            try
            {
                int take = Logic.LinkReadPolicy.BytesToTake(_port.BytesToRead, count);
                return take == 0 ? 0 : _port.Read(buffer, offset, take);
            }
            catch (Exception)
            {
                Broken();
                return 0;
            }
        }

        /// <summary>Writes the bytes; false when the port is failed or the write threw (then it is closed).</summary>
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

        public void Dispose()
        {
            _port.Dispose();
        }
    }
}
