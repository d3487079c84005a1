// Compile-only facade of nanoFramework System.IO.FileSystem 1.1.87 (checked against nanoframework/System.IO.FileSystem
// FileStream.cs: FileStream(string, FileMode, FileAccess); Flush is a no-op because every Write syncs). NEVER DEPLOYED.
using System;

namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access) { throw new NotImplementedException(); }
        public override long Length { get { throw new NotImplementedException(); } }
        public override void Flush() { throw new NotImplementedException(); }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotImplementedException(); }
        public override void Write(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }
    }
}
