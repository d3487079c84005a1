using System;
using System.IO;
using Pump.Hal;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// The non-volatile region as one fixed-size file on the ESP32 config partition (littlefs,
    /// drive I:). The file is created zero-filled on first use and extended (never truncated) if it
    /// is shorter than the region, so existing records are never lost. littlefs makes each write
    /// copy-on-write, and nanoFramework's FileStream syncs after every Write, so a completed
    /// TryWrite is durable; an interrupted one can leave any prefix written (the persistence layer's
    /// two slots and CRC handle that). Reads allocate inside nanoFramework's FileStream (a copy per
    /// call), so the core must not read the store every tick.
    /// Failure: any exception or short read/write → false.
    /// </summary>
    public sealed class LittleFsStore : INonVolatileStore, IDisposable
    {
        private readonly string _path;
        private readonly int _capacity;
        private FileStream? _file;

        public LittleFsStore(string path, int capacityBytes)
        {
            _path = path;
            _capacity = capacityBytes;
            IsOpen = TryOpen();
        }

        public int CapacityBytes { get { return _capacity; } }

        /// <summary>False when the file could not be opened or sized at start-up (self-test failure).</summary>
        public bool IsOpen { get; private set; }

        public bool TryRead(int address, byte[] buffer, int offset, int count)
        {
            if (!InRange(address, buffer, offset, count) || !EnsureOpen())
            {
                return false;
            }

            try
            {
                FileStream file = _file!;
                file.Seek(address, SeekOrigin.Begin);
                int total = 0;
                while (total < count)
                {
                    int n = file.Read(buffer, offset + total, count - total);
                    if (n <= 0)
                    {
                        return false;
                    }

                    total += n;
                }

                return true;
            }
            catch (Exception)
            {
                Close();
                return false;
            }
        }

        public bool TryWrite(int address, byte[] buffer, int offset, int count)
        {
            if (!InRange(address, buffer, offset, count) || !EnsureOpen())
            {
                return false;
            }

            try
            {
                FileStream file = _file!;
                file.Seek(address, SeekOrigin.Begin);
                file.Write(buffer, offset, count);
                file.Flush();
                return true;
            }
            catch (Exception)
            {
                Close();
                return false;
            }
        }

        public void Dispose()
        {
            Close();
        }

        private bool InRange(int address, byte[] buffer, int offset, int count)
        {
            return buffer != null && address >= 0 && count >= 0 && offset >= 0
                && address <= _capacity - count && offset <= buffer.Length - count;
        }

        private bool EnsureOpen()
        {
            if (_file != null)
            {
                return true;
            }

            IsOpen = TryOpen();
            return IsOpen;
        }

        private bool TryOpen()
        {
            try
            {
                FileStream file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
                long length = file.Length;
                if (length < _capacity)
                {
                    byte[] zeros = new byte[4096];   // first boot only; each Write syncs, so few large writes
                    file.Seek(length, SeekOrigin.Begin);
                    while (length < _capacity)
                    {
                        int n = (int)(_capacity - length < zeros.Length ? _capacity - length : zeros.Length);
                        file.Write(zeros, 0, n);
                        length += n;
                    }

                    file.Flush();
                }

                _file = file;
                return true;
            }
            catch (Exception)
            {
                _file = null;
                return false;
            }
        }

        private void Close()
        {
            FileStream? file = _file;
            _file = null;
            if (file != null)
            {
                try
                {
                    file.Dispose();
                }
                catch (Exception)
                {
                    // Closing a broken handle; nothing more to do.
                }
            }
        }
    }
}
