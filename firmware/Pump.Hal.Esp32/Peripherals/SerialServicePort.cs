using System;
using nanoFramework.Hardware.Esp32;
using Pump.Hal;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// The service port (hardware-docs/service-link.md): COM3 (UART2) on GPIO16/17 through the MAX3232's second
    /// channel, opened only by service mode. The pins are routed, then the port is a <see cref="NonBlockingSerialPort"/>,
    /// as the monitor link's: reads never block the loop, a port error reads as silence and is reopened later.
    /// </summary>
    public sealed class SerialServicePort : IServicePort, IDisposable
    {
        private readonly NonBlockingSerialPort _serial;

        public SerialServicePort(int baudRate)
        {
            Configuration.SetPinFunction(Esp32Pins.ServiceRx, DeviceFunction.COM3_RX);
            Configuration.SetPinFunction(Esp32Pins.ServiceTx, DeviceFunction.COM3_TX);
            _serial = new NonBlockingSerialPort("COM3", baudRate);
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            return _serial.Read(buffer, offset, count);
        }

        public bool TryWrite(byte[] buffer, int offset, int count)
        {
            return _serial.TryWrite(buffer, offset, count);
        }

        public void Dispose()
        {
            _serial.Dispose();
        }
    }
}
