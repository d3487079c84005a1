// Compile-only facade of nanoFramework System.IO.Ports 1.1.139 (brief nanoframework.md §1.4). NEVER DEPLOYED.
// BaseStream is left out (System.IO.Stream lives in another package and the device code does not use it).
using System;

namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { throw new NotImplementedException(); }
        public Handshake Handshake { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public int ReadBufferSize { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public int ReadTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public int WriteTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public bool IsOpen { get { throw new NotImplementedException(); } }
        public int BytesToRead { get { throw new NotImplementedException(); } }
        public void Open() { throw new NotImplementedException(); }
        public void Close() { throw new NotImplementedException(); }
        public int Read(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }
        public void Write(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }

    public enum Handshake
    {
        None,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff,
    }
}
