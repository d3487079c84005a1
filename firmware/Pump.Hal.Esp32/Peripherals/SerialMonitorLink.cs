using System;
using nanoFramework.Hardware.Esp32;
using Pump.Hal;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Monitor link on COM2 (UART1) through a MAX3232 (hardware-docs/monitor-link.md): the pins are routed, then the
    /// port is a <see cref="NonBlockingSerialPort"/>, so a read never waits and a dead UART reads as silence.
    /// </summary>
    public sealed class SerialMonitorLink : IMonitorLink, IDisposable
    {
        private readonly NonBlockingSerialPort _serial;

        public SerialMonitorLink(int baudRate)
        {
            Configuration.SetPinFunction(Esp32Pins.MonitorRx, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(Esp32Pins.MonitorTx, DeviceFunction.COM2_TX);
            _serial = new NonBlockingSerialPort("COM2", baudRate);
        }

        /// <summary>Exceptions caught from the port since power-up.</summary>
        public int Failures => _serial.Failures;

        public int Read(byte[] buffer, int offset, int count)
        {
            return _serial.Read(buffer, offset, count);
        }

        public void Dispose()
        {
            _serial.Dispose();
        }
    }
}
