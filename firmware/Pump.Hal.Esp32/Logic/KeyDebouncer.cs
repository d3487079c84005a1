using Pump.Hal;

namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// Debounces up to 8 keys sampled as a bit mask (bit i set = key i pressed; key i is
    /// PanelKey i+1). A key's level counts only after it stayed the same for
    /// <c>debounceUs</c>. A key press is reported when the key is released after a debounced press,
    /// so the core never acts on a key it did not see pressed and released (IKeypad). A key held at
    /// power-up reports nothing until it has been released once. A key held longer than
    /// <c>stuckUs</c> is reported once as stuck and its eventual release produces no press.
    /// Presses wait in a fixed queue; when it is full the newest press is dropped and counted.
    /// </summary>
    public sealed class KeyDebouncer
    {
        private const int KeyCount = 7;
        private const int QueueLength = 8;

        private readonly long _debounceUs;
        private readonly long _stuckUs;
        private readonly bool[] _raw = new bool[KeyCount];
        private readonly long[] _rawSinceUs = new long[KeyCount];
        private readonly bool[] _stable = new bool[KeyCount];
        private readonly long[] _pressedSinceUs = new long[KeyCount];
        private readonly bool[] _ignoreUntilRelease = new bool[KeyCount];
        private readonly PanelKey[] _queue = new PanelKey[QueueLength];
        private int _queueHead;
        private int _queueCount;
        private bool _started;

        public KeyDebouncer(long debounceUs, long stuckUs)
        {
            _debounceUs = debounceUs;
            _stuckUs = stuckUs;
        }

        /// <summary>Presses lost because the queue was full.</summary>
        public int DroppedPresses { get; private set; }

        /// <summary>The most recent key found stuck (None if none since the last <see cref="TakeStuckKey"/>).</summary>
        public PanelKey PendingStuckKey { get; private set; }

        /// <summary>Feeds one sample of all keys taken at <paramref name="nowUs"/>.</summary>
        public void Sample(int pressedMask, long nowUs)
        {
            for (int i = 0; i < KeyCount; i++)
            {
                bool pressed = (pressedMask & (1 << i)) != 0;
                if (!_started)
                {
                    _raw[i] = pressed;
                    _rawSinceUs[i] = nowUs;
                    _stable[i] = pressed;
                    _ignoreUntilRelease[i] = pressed;
                    _pressedSinceUs[i] = nowUs;
                    continue;
                }

                if (pressed != _raw[i])
                {
                    _raw[i] = pressed;
                    _rawSinceUs[i] = nowUs;
                }

                if (_raw[i] != _stable[i] && nowUs - _rawSinceUs[i] >= _debounceUs)
                {
                    _stable[i] = _raw[i];
                    if (_stable[i])
                    {
                        _pressedSinceUs[i] = nowUs;
                    }
                    else
                    {
                        if (!_ignoreUntilRelease[i])
                        {
                            Enqueue((PanelKey)(i + 1));
                        }

                        _ignoreUntilRelease[i] = false;
                    }
                }

                if (_stable[i] && !_ignoreUntilRelease[i] && nowUs - _pressedSinceUs[i] >= _stuckUs)
                {
                    _ignoreUntilRelease[i] = true;
                    PendingStuckKey = (PanelKey)(i + 1);
                }
            }

            _started = true;
        }

        /// <summary>Takes the oldest press, if any.</summary>
        public bool TryTake(out PanelKey key)
        {
            if (_queueCount == 0)
            {
                key = PanelKey.None;
                return false;
            }

            key = _queue[_queueHead];
            _queueHead = (_queueHead + 1) % QueueLength;
            _queueCount--;
            return true;
        }

        /// <summary>Returns and clears the stuck-key report.</summary>
        public PanelKey TakeStuckKey()
        {
            PanelKey key = PendingStuckKey;
            PendingStuckKey = PanelKey.None;
            return key;
        }

        /// <summary>True while key <paramref name="key"/> is debounced as held.</summary>
        public bool IsHeld(PanelKey key)
        {
            int i = (int)key - 1;
            return i >= 0 && i < KeyCount && _stable[i];
        }

        private void Enqueue(PanelKey key)
        {
            if (_queueCount >= QueueLength)
            {
                DroppedPresses++;
                return;
            }

            _queue[(_queueHead + _queueCount) % QueueLength] = key;
            _queueCount++;
        }
    }
}
