// Compile-only facade of nanoFramework System.IO.Streams 1.1.96 (the Stream base class FileStream derives from). NEVER DEPLOYED.
using System;

namespace System.IO
{
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Length { get; }
        public abstract void Flush();
        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void Write(byte[] buffer, int offset, int count);
        public void Dispose() { throw new NotImplementedException(); }
    }
}
