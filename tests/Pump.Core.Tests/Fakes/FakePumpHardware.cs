using System;
using System.Collections.Generic;
using Pump.Hal;

namespace Pump.Core.Tests.Fakes
{
    /// <summary>Manual clock: moves only when the test says so.</summary>
    internal sealed class ManualClock : IMonotonicClock
    {
        public long NowUs { get; set; }
    }

    internal sealed class FakeDriver : IMotorDriver
    {
        public bool IsEnabled { get; private set; }
        public MotorDirection Direction { get; private set; }
        public bool IsFaulted { get; set; }
        public int EnableCount { get; private set; }

        public void Enable()
        {
            IsEnabled = true;
            EnableCount++;
        }

        public void Disable() => IsEnabled = false;

        public void SetDirection(MotorDirection direction) => Direction = direction;
    }

    internal sealed class FakeSensors : IForceSensor, IPlungerPositionSensor, ISyringeClamp
    {
        public int ForceMilliNewtons { get; set; } = 6_000;
        public bool ForceBroken { get; set; }
        public long PositionUm { get; set; }
        public bool PositionBroken { get; set; }
        public bool ClampClosed { get; set; } = true;
        public bool PlungerEngaged { get; set; } = true;

        /// <summary>The driver throws (a software defect below the core), to test the control loop's fail-safe path.</summary>
        public bool ThrowOnForceRead { get; set; }

        public bool TryReadForce(out int forceMilliNewtons)
        {
            if (ThrowOnForceRead)
            {
                throw new System.InvalidOperationException("force sensor driver defect");
            }

            forceMilliNewtons = ForceMilliNewtons;
            return !ForceBroken;
        }

        public bool TryReadPosition(out int travelMicrometres)
        {
            travelMicrometres = (int)PositionUm;
            return !PositionBroken;
        }

        public bool TryRead(out bool clampClosed, out bool plungerEngaged)
        {
            clampClosed = ClampClosed;
            plungerEngaged = PlungerEngaged;
            return true;
        }
    }

    internal sealed class FakeLink : IMonitorLink
    {
        private readonly Queue<byte> _bytes = new();

        public void Send(byte[] data, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _bytes.Enqueue(data[i]);
            }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _bytes.Count > 0)
            {
                buffer[offset + n++] = _bytes.Dequeue();
            }

            return n;
        }
    }

    internal sealed class FakeDisplay : IDisplay
    {
        private readonly char[][] _rows = { new char[20], new char[20], new char[20], new char[20] };
        public int Columns => 20;
        public int Rows => 4;
        public bool IsHealthy { get; set; } = true;
        public int Writes { get; private set; }

        /// <summary>The bus is down: writes are lost and the port reports itself unhealthy.</summary>
        public bool Dead
        {
            get => _dead;
            set
            {
                _dead = value;
                IsHealthy = !value;
            }
        }

        private bool _dead;

        public void WriteRow(int row, char[] text)
        {
            Writes++;
            if (!_dead)
            {
                Array.Copy(text, _rows[row], 20);
            }
        }

        public string Row(int row) => new string(_rows[row]);

        public string Text => string.Join("\n", Row(0), Row(1), Row(2), Row(3));
    }

    internal sealed class FakeKeypad : IKeypad
    {
        private readonly Queue<PanelKey> _keys = new();

        public void Press(PanelKey key)
        {
            Pressed++;
            _keys.Enqueue(key);
        }

        /// <summary>Every key pressed since the rig was built.</summary>
        public int Pressed { get; private set; }

        public bool TryReadKey(out PanelKey key)
        {
            if (_keys.Count == 0)
            {
                key = PanelKey.None;
                return false;
            }

            key = _keys.Dequeue();
            return true;
        }
    }

    /// <summary>A byte array that can cut power after a number of bytes written (torn write).</summary>
    internal sealed class FakeStore : INonVolatileStore
    {
        public FakeStore(int capacity = 256 * 1024)
        {
            Bytes = new byte[capacity];
        }

        public byte[] Bytes { get; }
        public int CapacityBytes => Bytes.Length;
        public long BytesWritten { get; private set; }

        /// <summary>When set, the write that would pass this many total bytes is torn there and all later writes are lost.</summary>
        public long? CutAfterBytes { get; set; }
        public bool PowerCut { get; private set; }

        /// <summary>Writes that touch [FailFrom, FailTo) are refused whole (a worn or failing flash region); others succeed.</summary>
        public int FailFrom { get; set; } = -1;
        public int FailTo { get; set; } = -1;

        /// <summary>When set, only this many writes into [FailFrom, FailTo) fail; then the region works again (a transient
        /// fault of one region, e.g. the delivery record's write while the event log and history still write).</summary>
        public int? RangeFailuresLeft { get; set; }

        public bool TryRead(int address, byte[] buffer, int offset, int count)
        {
            if (address < 0 || address + count > Bytes.Length)
            {
                return false;
            }

            Array.Copy(Bytes, address, buffer, offset, count);
            return true;
        }

        private readonly System.Collections.Generic.List<(int Address, int Count)> _writes = new();

        /// <summary>Write calls that touched [from, to): how often one record's region was written.</summary>
        public int WritesInto(int from, int to)
        {
            int n = 0;
            foreach (var (address, count) in _writes)
            {
                if (address < to && address + count > from)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>This many write calls fail from now on, then the store works again (a transient fault).</summary>
        public int FailNextWrites { get; set; }

        public bool TryWrite(int address, byte[] buffer, int offset, int count)
        {
            if (address < 0 || address + count > Bytes.Length)
            {
                return false;
            }

            if (FailNextWrites > 0)
            {
                FailNextWrites--;
                return false;
            }

            if (FailFrom >= 0 && address < FailTo && address + count > FailFrom)
            {
                if (RangeFailuresLeft.HasValue && --RangeFailuresLeft <= 0)
                {
                    FailFrom = -1;
                    FailTo = -1;
                    RangeFailuresLeft = null;
                }

                return false;
            }

            _writes.Add((address, count));
            for (int i = 0; i < count; i++)
            {
                if (PowerCut || (CutAfterBytes.HasValue && BytesWritten >= CutAfterBytes.Value))
                {
                    PowerCut = true;
                    return false;
                }

                Bytes[address + i] = buffer[offset + i];
                BytesWritten++;
            }

            return true;
        }
    }

    internal sealed class FakeWatchdog : IWatchdog
    {
        public int TimeoutMs => 1000;
        public bool IsArmed { get; set; } = true;
        public bool LastResetWasWatchdog { get; set; }
        public int Kicks { get; private set; }
        public void Kick() => Kicks++;
    }

    internal sealed class FakeRtc : IRealTimeClock
    {
        public long UtcSeconds { get; set; } = 1_790_000_000;
        public bool Valid { get; set; } = true;

        public bool TryReadUtcSeconds(out long utcSeconds)
        {
            utcSeconds = UtcSeconds;
            return Valid;
        }
    }
}
