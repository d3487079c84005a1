using Pump.Hal;

namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// IEC 60601-1-8 auditory alarm patterns as pulse lists. Pulse start times and widths are multiples of
    /// the 50 ms control period, so every pulse starts and ends on a loop tick (the PWM buzzer switches its tone on
    /// and off there; each pulse's pitch is <see cref="AlarmMelody"/>).
    /// Chosen values (IEC 60601-1-8:2006+A1:2012 Table 4 ranges in brackets):
    /// high: 10 pulses, t_p 150 ms [75–200], t_s 100 ms [50–125], 3rd→4th and 8th→9th silence
    ///   2·t_s + t_p = 350 ms, 5th→6th silence 450 ms [350–1300], burst repeat 7 s [2.5–15 s];
    /// medium: 3 pulses, t_p 200 ms [125–250], t_s 200 ms [125–250], repeat 8 s [2.5–30 s];
    /// low: 2 pulses, t_p 200 ms [125–250], t_s 200 ms, repeat 20 s [&gt;15 s or once];
    /// information: one 100 ms chirp, not repeated.
    /// </summary>
    public sealed class BuzzerSequencer
    {
        /// <summary>Every pattern offset is a multiple of this (the control period).</summary>
        public const int GridMs = 50;

        private static readonly int[] HighStartsMs = { 0, 250, 500, 1000, 1250, 1850, 2100, 2350, 2850, 3100 };
        private static readonly int[] MediumStartsMs = { 0, 400, 800 };
        private static readonly int[] LowStartsMs = { 0, 400 };
        private static readonly int[] InformationStartsMs = { 0 };
        private static readonly int[] NoStartsMs = new int[0];

        public const int HighPulseMs = 150;
        public const int HighRepeatMs = 7000;
        public const int MediumPulseMs = 200;
        public const int MediumRepeatMs = 8000;
        public const int LowPulseMs = 200;
        public const int LowRepeatMs = 20000;
        public const int InformationPulseMs = 100;

        private AlarmSound _sound;
        private long _burstStartUs;
        private int _nextPulse;

        /// <summary>The selected pattern.</summary>
        public AlarmSound Sound { get { return _sound; } }

        /// <summary>Pulse start offsets (ms from burst start) of a pattern; empty for Silent.</summary>
        public static int[] StartsMs(AlarmSound sound)
        {
            switch (sound)
            {
                case AlarmSound.HighPriority: return HighStartsMs;
                case AlarmSound.MediumPriority: return MediumStartsMs;
                case AlarmSound.LowPriority: return LowStartsMs;
                case AlarmSound.Information: return InformationStartsMs;
                default: return NoStartsMs;
            }
        }

        /// <summary>Width (ms) of each pulse of a pattern; 0 for Silent.</summary>
        public static int PulseMs(AlarmSound sound)
        {
            switch (sound)
            {
                case AlarmSound.HighPriority: return HighPulseMs;
                case AlarmSound.MediumPriority: return MediumPulseMs;
                case AlarmSound.LowPriority: return LowPulseMs;
                case AlarmSound.Information: return InformationPulseMs;
                default: return 0;
            }
        }

        /// <summary>Burst repeat period (ms, start to start); 0 = play once.</summary>
        public static int RepeatMs(AlarmSound sound)
        {
            switch (sound)
            {
                case AlarmSound.HighPriority: return HighRepeatMs;
                case AlarmSound.MediumPriority: return MediumRepeatMs;
                case AlarmSound.LowPriority: return LowRepeatMs;
                default: return 0;
            }
        }

        /// <summary>Selects a pattern. Selecting the current pattern again changes nothing (the core may call it every tick).</summary>
        public void Select(AlarmSound sound, long nowUs)
        {
            if (sound == _sound)
            {
                return;
            }

            _sound = sound;
            _burstStartUs = nowUs;
            _nextPulse = 0;
        }

        /// <summary>
        /// Returns true with the pulse width when a pulse is due at <paramref name="nowUs"/>. A late
        /// loop plays a due pulse late rather than dropping it; after a long stall the burst restarts
        /// from now instead of replaying missed bursts.
        /// </summary>
        public bool TryTakePulse(long nowUs, out int pulseMs)
        {
            int pulseIndex;
            return TryTakePulse(nowUs, out pulseMs, out pulseIndex);
        }

        /// <summary>As <see cref="TryTakePulse(long, out int)"/>, with the pulse's index within its burst (its melody note).</summary>
        public bool TryTakePulse(long nowUs, out int pulseMs, out int pulseIndex)
        {
            pulseIndex = -1;
            pulseMs = PulseMs(_sound);
            if (pulseMs == 0)
            {
                return false;
            }

            int[] starts = StartsMs(_sound);
            if (_nextPulse >= starts.Length)
            {
                int repeatMs = RepeatMs(_sound);
                if (repeatMs == 0 || nowUs < _burstStartUs + (repeatMs * 1000L))
                {
                    return false;
                }

                _burstStartUs += repeatMs * 1000L;
                if (nowUs - _burstStartUs >= repeatMs * 1000L)
                {
                    _burstStartUs = nowUs;
                }

                _nextPulse = 0;
            }

            if (nowUs >= _burstStartUs + (starts[_nextPulse] * 1000L))
            {
                pulseIndex = _nextPulse;
                _nextPulse++;
                return true;
            }

            return false;
        }
    }
}
