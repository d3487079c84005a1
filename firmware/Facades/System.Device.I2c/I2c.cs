// Compile-only facade of nanoFramework System.Device.I2c 1.1.x, the SpanByte (non-generic) line
// (checked against nanoframework/System.Device.I2c I2cConnectionSettings.cs, I2cTransferResult.cs,
// I2cTransferStatus.cs, I2cBusSpeed.cs; the 2.x line uses Span<byte> and adds I2cSharingMode). NEVER DEPLOYED.
using System;

namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) { throw new NotImplementedException(); }
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }

    public struct I2cTransferResult
    {
        public I2cTransferStatus Status { get { throw new NotImplementedException(); } }
    }

    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { throw new NotImplementedException(); }
        public I2cTransferResult Write(SpanByte buffer) { throw new NotImplementedException(); }
        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }
}
