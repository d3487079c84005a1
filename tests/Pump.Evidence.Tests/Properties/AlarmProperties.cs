using CsCheck;
using Pump.Core.Alarms;
using Pump.Hal;
using Xunit;

namespace Pump.Evidence.Tests.Properties
{
    /// <summary>Alarm manager over random conditions, silence presses, acknowledgements and time steps.</summary>
    public sealed class AlarmProperties
    {
        private sealed class RecordingAnnunciator : IAnnunciator
        {
            public AlarmSound Sound { get; private set; }
            public AlarmLight Light { get; private set; }
            public bool PausedIndicator { get; private set; }
            public void SetSound(AlarmSound sound) => Sound = sound;
            public void SetLight(AlarmLight light) => Light = light;
            public void SetRunning(bool on) { }
            public void SetAudioPaused(bool on) => PausedIndicator = on;
        }

        // Proves: ALM-003, ALM-004, ALM-006
        [Fact]
        public void Property_AudioIsNeverSilentWithAnAlarmShownForMoreThanTwoMinutesAfterTheLastPress()
        {
            // Events: kind 0-3 condition on/off, 4 silence key, 5 acknowledge; time step 0-40 s.
            var events = Gen.Select(Gen.Int[0, 5], Gen.Int[1, AlarmCodes.Count - 1], Gen.Bool, Gen.Long[0, 40_000]).Array[1, 300];
            events.Sample(list =>
            {
                var manager = new AlarmManager();
                var annunciator = new RecordingAnnunciator();
                long nowUs = 0;
                long lastPressUs = long.MinValue / 2;
                foreach (var (kind, code, present, dtMs) in list)
                {
                    nowUs += dtMs * 1_000;
                    manager.BeginTick();
                    if (kind <= 3)
                    {
                        manager.SetCondition((AlarmCode)code, present, nowUs);
                    }
                    else if (kind == 4)
                    {
                        bool anyShown = manager.Highest != AlarmCode.None;
                        bool paused = manager.PauseAudio(nowUs);
                        Assert.Equal(anyShown, paused); // nothing to silence, nothing paused
                        if (paused)
                        {
                            lastPressUs = nowUs;
                            Assert.Equal(nowUs + AlarmManager.AudioPauseMaxUs, manager.AudioPausedUntilUs);
                        }
                    }
                    else
                    {
                        manager.Acknowledge(nowUs);
                    }
                    manager.Annunciate(annunciator, nowUs);
                    AlarmCode top = manager.Highest;
                    // ALM-006: the highest priority shown, the most recent among equals (lowest code on a tie).
                    AlarmCode expected = AlarmCode.None;
                    for (int i = 1; i < AlarmCodes.Count; i++)
                    {
                        var c = (AlarmCode)i;
                        if (!manager.IsShown(c))
                        {
                            continue;
                        }
                        if (expected == AlarmCode.None
                            || AlarmTable.For(c).Priority > AlarmTable.For(expected).Priority
                            || (AlarmTable.For(c).Priority == AlarmTable.For(expected).Priority && manager.RaisedAtUs(c) > manager.RaisedAtUs(expected)))
                        {
                            expected = c;
                        }
                    }
                    Assert.Equal(expected, top);
                    AlarmPriority priority = top == AlarmCode.None ? AlarmPriority.None : AlarmTable.For(top).Priority;
                    AlarmLight light = priority switch
                    {
                        AlarmPriority.High => AlarmLight.HighFlashing,
                        AlarmPriority.Medium => AlarmLight.MediumFlashing,
                        AlarmPriority.Low => AlarmLight.LowSteady,
                        _ => AlarmLight.Off,
                    };
                    Assert.Equal(light, annunciator.Light);
                    Assert.Equal(manager.AudioPaused, annunciator.PausedIndicator);
                    if (!manager.AudioPaused)
                    {
                        AlarmSound sound = priority switch
                        {
                            AlarmPriority.High => AlarmSound.HighPriority,
                            AlarmPriority.Medium => AlarmSound.MediumPriority,
                            AlarmPriority.Low => AlarmSound.LowPriority,
                            _ => AlarmSound.Silent,
                        };
                        Assert.Equal(sound, annunciator.Sound);
                    }
                    if (top == AlarmCode.None)
                    {
                        Assert.False(manager.AudioPaused); // nothing shown ends a pause
                        Assert.Equal(0, manager.AudioPausedUntilUs);
                    }
                    if (top != AlarmCode.None && AlarmTable.For(top).Priority != AlarmPriority.None && annunciator.Sound == AlarmSound.Silent)
                    {
                        Assert.True(nowUs - lastPressUs < AlarmManager.AudioPauseMaxUs,
                            $"{top} shown and silent {(nowUs - lastPressUs) / 1e6:F1} s after the last silence press");
                    }
                }
            }, iter: 1_000, seed: "0N0XvGvFnyp9");
        }
    }
}
