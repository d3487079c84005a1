using System;
using Pump.Hal;

namespace Pump.OnTarget.Scenarios
{
    // Fake hardware for the differential scenarios. It must compile for nanoFramework too: no generics,
    // no lambdas, fixed arrays, no I/O. Time moves only when the scenario moves it.

    internal sealed class BenchClock : IMonotonicClock
    {
        public long NowUs { get; set; }
    }

    /// <summary>Emits every queued step exactly at its due time; the counter sees each one.</summary>
    internal sealed class BenchSteps : IStepGenerator, IStepCounter
    {
        private const int SegmentSlots = 8;
        private readonly StepSegment[] _queue = new StepSegment[SegmentSlots];
        private int _head;
        private int _count;
        private long _emittedInHead;

        public int Capacity { get { return SegmentSlots; } }

        public int QueuedSegments { get { return _count; } }

        public long Counted { get; private set; }

        /// <summary>Segments accepted so far.</summary>
        public int Enqueued;

        public bool TryEnqueue(StepSegment segment)
        {
            if (_count >= SegmentSlots || segment.LastStep <= segment.FirstStep)
            {
                return false;
            }

            Enqueued++;
            _queue[(_head + _count) % SegmentSlots] = segment;
            _count++;
            return true;
        }

        public void StopNow()
        {
            _count = 0;
            _emittedInHead = 0;
        }

        public bool TryRead(out long countedMicrosteps)
        {
            countedMicrosteps = Counted;
            return true;
        }

        public void AdvanceTo(long nowUs)
        {
            while (_count > 0)
            {
                StepSegment head = _queue[_head];
                long next = head.FirstStep + _emittedInHead + 1;
                while (next <= head.LastStep && head.DueUs(next) <= nowUs)
                {
                    Counted++;
                    _emittedInHead++;
                    next++;
                }

                if (next <= head.LastStep)
                {
                    return;
                }

                _head = (_head + 1) % SegmentSlots;
                _count--;
                _emittedInHead = 0;
            }
        }
    }

    internal sealed class BenchDriver : IMotorDriver
    {
        public bool IsEnabled { get; private set; }

        public MotorDirection Direction { get; private set; }

        public bool IsFaulted { get { return false; } }

        public void Enable()
        {
            IsEnabled = true;
        }

        public void Disable()
        {
            IsEnabled = false;
        }

        public void SetDirection(MotorDirection direction)
        {
            Direction = direction;
        }
    }

    internal sealed class BenchSensors : IForceSensor, IPlungerPositionSensor, ISyringeClamp
    {
        public int ForceMilliNewtons = 6000;
        public long PositionUm;
        public bool ClampClosed = true;

        public bool TryReadForce(out int forceMilliNewtons)
        {
            forceMilliNewtons = ForceMilliNewtons;
            return true;
        }

        public bool TryReadPosition(out int travelMicrometres)
        {
            travelMicrometres = (int)PositionUm;
            return true;
        }

        public bool TryRead(out bool clampClosed, out bool plungerEngaged)
        {
            clampClosed = ClampClosed;
            plungerEngaged = true;
            return true;
        }
    }

    /// <summary>The monitor's serial line: a byte ring the bench monitor writes and the core reads.</summary>
    internal sealed class BenchLink : IMonitorLink
    {
        private readonly byte[] _ring = new byte[4096];
        private int _head;
        private int _count;

        public void Send(byte[] data, int count)
        {
            for (int i = 0; i < count && _count < _ring.Length; i++)
            {
                _ring[(_head + _count) % _ring.Length] = data[i];
                _count++;
            }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _count > 0)
            {
                buffer[offset + n] = _ring[_head];
                _head = (_head + 1) % _ring.Length;
                _count--;
                n++;
            }

            return n;
        }
    }

    internal sealed class BenchDisplay : IDisplay
    {
        private readonly char[][] _rows = new char[][] { new char[20], new char[20], new char[20], new char[20] };

        public int Columns { get { return 20; } }

        public int Rows { get { return 4; } }

        public bool IsHealthy { get { return true; } }

        /// <summary>Rows written so far (the core writes only changed rows).</summary>
        public int RowWrites;

        public void WriteRow(int row, char[] text)
        {
            Array.Copy(text, _rows[row], 20);
            RowWrites++;
        }

        public string Row(int row)
        {
            return new string(_rows[row]);
        }
    }

    internal sealed class BenchKeypad : IKeypad
    {
        private readonly PanelKey[] _keys = new PanelKey[16];
        private int _head;
        private int _count;

        public void Press(PanelKey key)
        {
            if (_count < _keys.Length)
            {
                _keys[(_head + _count) % _keys.Length] = key;
                _count++;
            }
        }

        public bool TryReadKey(out PanelKey key)
        {
            if (_count == 0)
            {
                key = PanelKey.None;
                return false;
            }

            key = _keys[_head];
            _head = (_head + 1) % _keys.Length;
            _count--;
            return true;
        }
    }

    internal sealed class BenchAnnunciator : IAnnunciator
    {
        public AlarmSound Sound;
        public AlarmLight Light;
        public bool Running;

        public void SetSound(AlarmSound sound)
        {
            Sound = sound;
        }

        public void SetLight(AlarmLight light)
        {
            Light = light;
        }

        public void SetRunning(bool on)
        {
            Running = on;
        }

        public void SetAudioPaused(bool on)
        {
        }
    }

    /// <summary>The non-volatile store: a byte array that outlives the controller (power loss keeps it).</summary>
    internal sealed class BenchStore : INonVolatileStore
    {
        public readonly byte[] Bytes = new byte[256 * 1024];

        /// <summary>Successful writes so far (the tick probe reports which ticks wrote).</summary>
        public int Writes;

        public int CapacityBytes { get { return Bytes.Length; } }

        public bool TryRead(int address, byte[] buffer, int offset, int count)
        {
            if (address < 0 || count < 0 || address > Bytes.Length - count)
            {
                return false;
            }

            Array.Copy(Bytes, address, buffer, offset, count);
            return true;
        }

        public bool TryWrite(int address, byte[] buffer, int offset, int count)
        {
            if (address < 0 || count < 0 || address > Bytes.Length - count)
            {
                return false;
            }

            Array.Copy(buffer, offset, Bytes, address, count);
            Writes++;
            return true;
        }
    }

    internal sealed class BenchWatchdog : IWatchdog
    {
        public int TimeoutMs { get { return 1000; } }

        public bool IsArmed { get { return true; } }

        public bool LastResetWasWatchdog { get { return false; } }

        public int Kicks;

        public void Kick()
        {
            Kicks++;
        }
    }

    internal sealed class BenchRtc : IRealTimeClock
    {
        public long UtcSeconds = 1790000000;

        public bool TryReadUtcSeconds(out long utcSeconds)
        {
            utcSeconds = UtcSeconds;
            return true;
        }
    }
}
