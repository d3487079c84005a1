using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>Debounced key presses queued by the virtual clinician (or the terminal), oldest first.</summary>
    public sealed class SimKeypad : IKeypad
    {
        private readonly PanelKey[] _ring = new PanelKey[64];
        private readonly PowerRail _power;
        private int _head;
        private int _count;

        public SimKeypad(PowerRail power)
        {
            _power = power;
            _power.PoweredOff += () => { _count = 0; };
        }

        public long KeysPressed { get; private set; }

        public int Pending => _count;

        /// <summary>A press and release of <paramref name="key"/>; false if the buffer is full or power is off.</summary>
        public bool Press(PanelKey key)
        {
            if (!_power.IsOn || _count == _ring.Length || key == PanelKey.None)
            {
                return false;
            }
            _ring[(_head + _count) % _ring.Length] = key;
            _count++;
            KeysPressed++;
            return true;
        }

        public bool TryReadKey(out PanelKey key)
        {
            if (_count == 0 || !_power.IsOn)
            {
                key = PanelKey.None;
                return false;
            }
            key = _ring[_head];
            _head = (_head + 1) % _ring.Length;
            _count--;
            return true;
        }
    }
}
