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
            public void SetSound(AlarmSound sound) => Sound = sound;
            public void SetLight(AlarmLight light) { }
            public void SetRunning(bool on) { }
            public void SetAudioPaused(bool on) { }
        }

        // Proves: ALM-003, ALM-004
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
                        if (manager.PauseAudio(nowUs))
                        {
                            lastPressUs = nowUs;
                        }
                    }
                    else
                    {
                        manager.Acknowledge(nowUs);
                    }
                    manager.Annunciate(annunciator, nowUs);
                    AlarmCode top = manager.Highest;
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
