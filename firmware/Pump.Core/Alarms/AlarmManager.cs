using Pump.Hal;

namespace Pump.Core.Alarms
{
    /// <summary>
    /// Tracks every declared alarm: raised when its condition appears, cleared when it goes (or, if it
    /// latches, when the clinician acknowledges it after it went). Drives the annunciator from the
    /// highest-priority alarm shown, with audio paused for at most two minutes (ALM-003). Keeps a
    /// history ring for the panel. Allocation-free after construction.
    /// </summary>
    public sealed class AlarmManager
    {
        /// <summary>IEC 60601-1-8 audio pause limit used here: two minutes, then the sound re-arms.</summary>
        public const long AudioPauseMaxUs = 120000000;

        /// <summary>History entries kept for the panel.</summary>
        public const int HistoryCapacity = 64;

        private long _lastAcknowledgedUs = long.MinValue;
        private readonly bool[] _present = new bool[AlarmCodes.Count];
        private readonly bool[] _shown = new bool[AlarmCodes.Count];
        private readonly long[] _raisedAtUs = new long[AlarmCodes.Count];
        private readonly int[] _raisedThisTick = new int[AlarmCodes.Count];
        private int _raisedCount;

        private readonly int[] _historyCode = new int[HistoryCapacity];
        private readonly long[] _historyAtUs = new long[HistoryCapacity];
        private readonly bool[] _historyRaised = new bool[HistoryCapacity];
        private int _historyNext;
        private int _historyCount;

        private long _audioPausedUntilUs;
        private bool _audioPaused;
        private AlarmSound _lastSound = AlarmSound.Silent;
        private AlarmLight _lastLight = AlarmLight.Off;
        private bool _lastPausedIndicator;
        private bool _annunciatorPrimed;
        private int _revision;

        /// <summary>Starts a tick: forgets which alarms were raised in the previous one.</summary>
        public void BeginTick()
        {
            _raisedCount = 0;
        }

        /// <summary>Reports whether an alarm's condition is present now.</summary>
        public void SetCondition(AlarmCode code, bool present, long nowUs)
        {
            int i = (int)code;
            bool rising = present && !_present[i];
            if (present != _present[i])
            {
                // Whether a shown alarm's cause is present decides what OK does, so it is shown (PNL-402).
                _revision++;
            }

            _present[i] = present;
            if (present)
            {
                if (_shown[i] && rising)
                {
                    // A latched alarm whose condition comes back is a new occurrence: logged, and heard.
                    Record(i, nowUs, true);
                    _audioPaused = false;
                    if (_raisedCount < _raisedThisTick.Length)
                    {
                        _raisedThisTick[_raisedCount++] = i;
                    }
                }
                else if (!_shown[i])
                {
                    _shown[i] = true;
                    _raisedAtUs[i] = nowUs;
                    // Bounded: a code raised, cleared and raised again within one tick is listed again only while room remains.
                    if (_raisedCount < _raisedThisTick.Length)
                    {
                        _raisedThisTick[_raisedCount++] = i;
                    }

                    Record(i, nowUs, true);
                    // A new alarm condition ends an audio pause (the clinician must hear it).
                    _audioPaused = false;
                }
            }
            else if (_shown[i] && !AlarmTable.For(code).Latches)
            {
                _shown[i] = false;
                Record(i, nowUs, false);
            }
        }

        /// <summary>Raises a one-shot alarm (e.g. power restored) that latches until acknowledged.</summary>
        public void RaiseEvent(AlarmCode code, long nowUs)
        {
            SetCondition(code, true, nowUs);
            _present[(int)code] = false;
        }

        /// <summary>Number of alarms raised in this tick.</summary>
        public int RaisedThisTickCount { get { return _raisedCount; } }

        public AlarmCode RaisedThisTick(int index)
        {
            return (AlarmCode)_raisedThisTick[index];
        }

        /// <summary>The condition is present now.</summary>
        public bool IsPresent(AlarmCode code)
        {
            return _present[(int)code];
        }

        /// <summary>Shown on the panel: present, or latched and not yet acknowledged.</summary>
        public bool IsShown(AlarmCode code)
        {
            return _shown[(int)code];
        }

        public long RaisedAtUs(AlarmCode code)
        {
            return _raisedAtUs[(int)code];
        }

        /// <summary>True if any shown alarm has a delivery-stopping technical action whose condition is present.</summary>
        public bool AnyPresentWithAction(AlarmAction action)
        {
            for (int i = 1; i < AlarmCodes.Count; i++)
            {
                if (_present[i] && AlarmTable.For((AlarmCode)i).Action == action)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The clinician acknowledges: latched alarms whose condition has gone are cleared. Returns how many.</summary>
        public int Acknowledge(long nowUs)
        {
            // A reminder (callback) is answered by the acknowledgement itself; its period restarts from here.
            _lastAcknowledgedUs = nowUs;
            int cleared = 0;
            for (int i = 1; i < AlarmCodes.Count; i++)
            {
                if (_shown[i] && !_present[i])
                {
                    _shown[i] = false;
                    Record(i, nowUs, false);
                    cleared++;
                }
            }

            return cleared;
        }

        /// <summary>Some shown alarm has lost its cause, so OK would clear it.</summary>
        public bool CanAcknowledge
        {
            get
            {
                for (int i = 1; i < AlarmCodes.Count; i++)
                {
                    if (_shown[i] && !_present[i])
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>When OK last acknowledged an alarm screen (long.MinValue before the first time).</summary>
        public long LastAcknowledgedUs { get { return _lastAcknowledgedUs; } }

        /// <summary>The highest-priority shown alarm, the most recent among equals; None when nothing is shown.</summary>
        public AlarmCode Highest
        {
            get
            {
                int best = 0;
                AlarmPriority bestPriority = AlarmPriority.None;
                long bestAt = long.MinValue;
                for (int i = 1; i < AlarmCodes.Count; i++)
                {
                    if (!_shown[i])
                    {
                        continue;
                    }

                    AlarmPriority p = AlarmTable.For((AlarmCode)i).Priority;
                    if (p > bestPriority || (p == bestPriority && _raisedAtUs[i] > bestAt))
                    {
                        best = i;
                        bestPriority = p;
                        bestAt = _raisedAtUs[i];
                    }
                }

                return (AlarmCode)best;
            }
        }

        /// <summary>Number of alarms shown.</summary>
        public int ShownCount
        {
            get
            {
                int n = 0;
                for (int i = 1; i < AlarmCodes.Count; i++)
                {
                    if (_shown[i])
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>Silence key: pauses audio for at most two minutes when an alarm is shown. Returns false if nothing to silence.</summary>
        public bool PauseAudio(long nowUs)
        {
            if (Highest == AlarmCode.None)
            {
                return false;
            }

            _audioPaused = true;
            _audioPausedUntilUs = nowUs + AudioPauseMaxUs;
            _revision++;
            return true;
        }

        /// <summary>True while audio is paused.</summary>
        public bool AudioPaused { get { return _audioPaused; } }

        public long AudioPausedUntilUs { get { return _audioPaused ? _audioPausedUntilUs : 0; } }

        /// <summary>Re-arms audio after the pause and drives the annunciator (only on change).</summary>
        public void Annunciate(IAnnunciator annunciator, long nowUs)
        {
            if (_audioPaused && nowUs >= _audioPausedUntilUs)
            {
                _audioPaused = false;
            }

            AlarmCode top = Highest;
            AlarmPriority priority = top == AlarmCode.None ? AlarmPriority.None : AlarmTable.For(top).Priority;
            AlarmSound sound;
            AlarmLight light;
            switch (priority)
            {
                case AlarmPriority.High:
                    sound = AlarmSound.HighPriority;
                    light = AlarmLight.HighFlashing;
                    break;
                case AlarmPriority.Medium:
                    sound = AlarmSound.MediumPriority;
                    light = AlarmLight.MediumFlashing;
                    break;
                case AlarmPriority.Low:
                    sound = AlarmSound.LowPriority;
                    light = AlarmLight.LowSteady;
                    break;
                default:
                    sound = AlarmSound.Silent;
                    light = AlarmLight.Off;
                    _audioPaused = false;
                    break;
            }

            if (_audioPaused)
            {
                sound = AlarmSound.Silent;
            }

            if (!_annunciatorPrimed || sound != _lastSound)
            {
                annunciator.SetSound(sound);
                _lastSound = sound;
            }

            if (!_annunciatorPrimed || light != _lastLight)
            {
                annunciator.SetLight(light);
                _lastLight = light;
            }

            if (!_annunciatorPrimed || _audioPaused != _lastPausedIndicator)
            {
                annunciator.SetAudioPaused(_audioPaused);
                _lastPausedIndicator = _audioPaused;
            }

            _annunciatorPrimed = true;
        }

        /// <summary>Sound currently selected.</summary>
        public AlarmSound CurrentSound { get { return _lastSound; } }

        /// <summary>History entries stored (at most <see cref="HistoryCapacity"/>).</summary>
        public int HistoryCount { get { return _historyCount; } }

        /// <summary>History entry, 0 = newest.</summary>
        public void HistoryAt(int newestFirstIndex, out AlarmCode code, out long atUs, out bool raised)
        {
            int i = (_historyNext - 1 - newestFirstIndex + (2 * HistoryCapacity)) % HistoryCapacity;
            code = (AlarmCode)_historyCode[i];
            atUs = _historyAtUs[i];
            raised = _historyRaised[i];
        }

        /// <summary>Restores a latched alarm after a reset (from the persisted set).</summary>
        public void RestoreLatched(AlarmCode code, long nowUs)
        {
            RaiseEvent(code, nowUs);
        }

        /// <summary>
        /// Changes with every alarm raised, cleared, acknowledged or silenced and every condition that came or went,
        /// so the panel redraws in the same tick (NFR-008). Compared for equality only; it may wrap.
        /// </summary>
        public int Revision { get { return _revision; } }

        /// <summary>Bit set of shown alarms (for persistence).</summary>
        public long ShownBits
        {
            get
            {
                long bits = 0;
                for (int i = 1; i < AlarmCodes.Count; i++)
                {
                    if (_shown[i])
                    {
                        bits |= 1L << i;
                    }
                }

                return bits;
            }
        }

        private void Record(int code, long atUs, bool raised)
        {
            _revision++;
            _historyCode[_historyNext] = code;
            _historyAtUs[_historyNext] = atUs;
            _historyRaised[_historyNext] = raised;
            _historyNext = (_historyNext + 1) % HistoryCapacity;
            if (_historyCount < HistoryCapacity)
            {
                _historyCount++;
            }
        }
    }
}
