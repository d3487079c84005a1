using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// The UART receive buffer of the monitor link: a fixed ring. Bytes that arrive while it is full are
    /// lost, as in a UART FIFO overrun; a cut cable (link loss) delivers nothing.
    /// </summary>
    public sealed class SimMonitorLink : IMonitorLink
    {
        private readonly PowerRail _power;
        private readonly byte[] _ring;
        private int _head;
        private int _count;

        public SimMonitorLink(PowerRail power, int bufferBytes = 4096)
        {
            _power = power;
            _ring = new byte[bufferBytes];
            _power.PoweredOff += () => { _count = 0; };
        }

        /// <summary>True while the cable is cut: written bytes are lost.</summary>
        public bool Disconnected { get; set; }

        public long BytesDelivered { get; private set; }

        public long BytesLost { get; private set; }

        /// <summary>Bytes waiting to be read.</summary>
        public int Pending => _count;

        /// <summary>The monitor side: bytes put on the wire.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (Disconnected || !_power.IsOn)
            {
                BytesLost += count;
                return;
            }
            for (int i = 0; i < count; i++)
            {
                if (_count == _ring.Length)
                {
                    BytesLost += count - i;
                    return;
                }
                _ring[(_head + _count) % _ring.Length] = buffer[offset + i];
                _count++;
            }
            BytesDelivered += count;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (!_power.IsOn)
            {
                return 0;
            }
            int n = count < _count ? count : _count;
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _ring[_head];
                _head = (_head + 1) % _ring.Length;
            }
            _count -= n;
            return n;
        }
    }
}
