using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace Pump.Simulator.Tests.Serial
{
    /// <summary>
    /// A Linux pseudo-terminal made with posix_openpt: <see cref="DevicePath"/> (/dev/pts/N) is a serial device that
    /// System.IO.Ports opens like a USB adapter; the test reads and writes the other end, the master. The slave is held
    /// open in raw mode (no echo, no line editing) so the master never sees a hang-up between users. Linux only:
    /// <see cref="Available"/> says whether this machine can make one.
    /// </summary>
    internal sealed class PseudoTerminal : IDisposable
    {
        private const int ORdwr = 2;
        private const int ONoctty = 0x100;
        private const short PollIn = 1;

        private readonly int _master;
        private readonly int _slave;
        private int _disposed;

        [StructLayout(LayoutKind.Sequential)]
        private struct PollFd
        {
            public int Fd;
            public short Events;
            public short Revents;
        }

        [DllImport("libc", SetLastError = true)] private static extern int posix_openpt(int flags);
        [DllImport("libc", SetLastError = true)] private static extern int grantpt(int fd);
        [DllImport("libc", SetLastError = true)] private static extern int unlockpt(int fd);
        [DllImport("libc", SetLastError = true)] private static extern int ptsname_r(int fd, byte[] buf, nuint len);
        [DllImport("libc", SetLastError = true)] private static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);
        [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
        [DllImport("libc", SetLastError = true)] private static extern nint read(int fd, byte[] buf, nint count);
        [DllImport("libc", SetLastError = true)] private static extern nint write(int fd, ref byte buf, nint count);
        [DllImport("libc", SetLastError = true)] private static extern int poll(ref PollFd fds, nuint nfds, int timeoutMs);
        [DllImport("libc", SetLastError = true)] private static extern int tcgetattr(int fd, byte[] termios);
        [DllImport("libc", SetLastError = true)] private static extern int tcsetattr(int fd, int when, byte[] termios);
        [DllImport("libc")] private static extern void cfmakeraw(byte[] termios);

        /// <summary>True on Linux with /dev/ptmx (every CI runner here); elsewhere the serial tests say why they skip.</summary>
        public static bool Available => OperatingSystem.IsLinux() && System.IO.File.Exists("/dev/ptmx");

        public PseudoTerminal()
        {
            _master = posix_openpt(ORdwr | ONoctty);
            if (_master < 0 || grantpt(_master) != 0 || unlockpt(_master) != 0)
            {
                throw new InvalidOperationException("posix_openpt failed: errno " + Marshal.GetLastPInvokeError());
            }
            var name = new byte[128];
            if (ptsname_r(_master, name, (nuint)name.Length) != 0)
            {
                throw new InvalidOperationException("ptsname_r failed: errno " + Marshal.GetLastPInvokeError());
            }
            DevicePath = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
            _slave = open(DevicePath, ORdwr | ONoctty);
            var termios = new byte[256]; // larger than struct termios on every Linux ABI
            if (_slave < 0 || tcgetattr(_slave, termios) != 0)
            {
                throw new InvalidOperationException("cannot open " + DevicePath + ": errno " + Marshal.GetLastPInvokeError());
            }
            cfmakeraw(termios);
            tcsetattr(_slave, 0, termios);
        }

        /// <summary>The serial device the code under test opens.</summary>
        public string DevicePath { get; }

        /// <summary>Reads what the device's user wrote, waiting at most <paramref name="timeoutMs"/>; 0 when nothing came.</summary>
        public int Read(byte[] buffer, int timeoutMs)
        {
            var p = new PollFd { Fd = _master, Events = PollIn };
            if (Volatile.Read(ref _disposed) != 0 || poll(ref p, 1, timeoutMs) <= 0 || (p.Revents & PollIn) == 0)
            {
                return 0;
            }
            nint n = read(_master, buffer, buffer.Length);
            return n > 0 ? (int)n : 0;
        }

        /// <summary>Writes bytes the device's user will read.</summary>
        public void Write(byte[] buffer, int count)
        {
            int done = 0;
            while (done < count)
            {
                nint n = write(_master, ref buffer[done], count - done);
                if (n <= 0)
                {
                    throw new InvalidOperationException("write to the pseudo-terminal failed: errno " + Marshal.GetLastPInvokeError());
                }
                done += (int)n;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                close(_slave);
                close(_master);
            }
        }
    }

    /// <summary>
    /// Two pseudo-terminals joined like a null-modem cable (what `socat pty pty` does): bytes written to one device
    /// come out of the other, both ways, relayed on a background thread.
    /// </summary>
    internal sealed class NullModem : IDisposable
    {
        private readonly PseudoTerminal _a = new();
        private readonly PseudoTerminal _b = new();
        private readonly Thread _relay;
        private volatile bool _stop;

        public NullModem()
        {
            _relay = new Thread(Relay) { IsBackground = true, Name = "null modem" };
            _relay.Start();
        }

        public string DeviceA => _a.DevicePath;
        public string DeviceB => _b.DevicePath;

        private void Relay()
        {
            var buffer = new byte[4096];
            while (!_stop)
            {
                int n = _a.Read(buffer, 5);
                if (n > 0)
                {
                    _b.Write(buffer, n);
                }
                n = _b.Read(buffer, 5);
                if (n > 0)
                {
                    _a.Write(buffer, n);
                }
            }
        }

        public void Dispose()
        {
            _stop = true;
            _relay.Join();
            _a.Dispose();
            _b.Dispose();
        }
    }
}
