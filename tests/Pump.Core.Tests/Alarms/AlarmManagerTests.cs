using Pump.Core.Alarms;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Alarms
{
    public sealed class AlarmManagerTests
    {
        private const long S = 1_000_000;

        // Proves: ALM-003
        [Fact]
        public void PauseAudio_HighAlarm_SilentForTwoMinutesThenRearms()
        {
            var alarms = new AlarmManager();
            var ann = new RecordingAnnunciator();
            alarms.SetCondition(AlarmCode.Occlusion, true, 0);
            alarms.Annunciate(ann, 0);
            Assert.Equal(AlarmSound.HighPriority, ann.Sound);
            Assert.True(alarms.PauseAudio(10 * S));
            alarms.Annunciate(ann, 10 * S);
            Assert.Equal(AlarmSound.Silent, ann.Sound);
            Assert.True(ann.AudioPaused);
            alarms.Annunciate(ann, 129 * S);
            Assert.Equal(AlarmSound.Silent, ann.Sound);
            alarms.Annunciate(ann, 130 * S);
            Assert.Equal(AlarmSound.HighPriority, ann.Sound);
            Assert.False(ann.AudioPaused);
        }

        // Proves: ALM-003
        [Fact]
        public void PauseAudio_PressedAgainAndAgain_NeverSilentLongerThanTwoMinutesAfterLastPress()
        {
            var alarms = new AlarmManager();
            var ann = new RecordingAnnunciator();
            alarms.SetCondition(AlarmCode.VitalHold, true, 0);
            alarms.PauseAudio(0);
            alarms.PauseAudio(60 * S);
            Assert.Equal(180 * S, alarms.AudioPausedUntilUs);
            alarms.Annunciate(ann, 180 * S);
            Assert.Equal(AlarmSound.HighPriority, ann.Sound);
        }

        // Proves: ALM-004
        [Fact]
        public void NewAlarm_WhileAudioPaused_EndsThePause()
        {
            var alarms = new AlarmManager();
            var ann = new RecordingAnnunciator();
            alarms.SetCondition(AlarmCode.NearEmpty, true, 0);
            alarms.PauseAudio(S);
            alarms.Annunciate(ann, S);
            Assert.Equal(AlarmSound.Silent, ann.Sound);
            alarms.SetCondition(AlarmCode.Occlusion, true, 2 * S);
            alarms.Annunciate(ann, 2 * S);
            Assert.Equal(AlarmSound.HighPriority, ann.Sound);
        }

        // Proves: ALM-005
        [Fact]
        public void LatchedAlarm_ConditionGone_ShownUntilAcknowledged()
        {
            var alarms = new AlarmManager();
            alarms.SetCondition(AlarmCode.Occlusion, true, 0);
            Assert.Equal(0, alarms.Acknowledge(S));
            alarms.SetCondition(AlarmCode.Occlusion, false, 2 * S);
            Assert.True(alarms.IsShown(AlarmCode.Occlusion));
            Assert.Equal(1, alarms.Acknowledge(3 * S));
            Assert.False(alarms.IsShown(AlarmCode.Occlusion));
        }

        // Proves: ALM-005
        [Fact]
        public void NonLatchingAlarm_ConditionGone_ClearsItself()
        {
            var alarms = new AlarmManager();
            alarms.SetCondition(AlarmCode.NearEmpty, true, 0);
            alarms.SetCondition(AlarmCode.NearEmpty, false, S);
            Assert.False(alarms.IsShown(AlarmCode.NearEmpty));
        }

        // Proves: ALM-006
        [Theory]
        [InlineData(AlarmCode.LinkErrors, AlarmSound.LowPriority, AlarmLight.LowSteady)]
        [InlineData(AlarmCode.VitalAdvisory, AlarmSound.MediumPriority, AlarmLight.MediumFlashing)]
        [InlineData(AlarmCode.Occlusion, AlarmSound.HighPriority, AlarmLight.HighFlashing)]
        public void Annunciate_ByPriority_DistinctPatterns(AlarmCode code, AlarmSound sound, AlarmLight light)
        {
            var alarms = new AlarmManager();
            var ann = new RecordingAnnunciator();
            alarms.SetCondition(code, true, 0);
            alarms.Annunciate(ann, 0);
            Assert.Equal(sound, ann.Sound);
            Assert.Equal(light, ann.Light);
        }

        // Proves: ALM-006
        [Fact]
        public void Highest_MixedPriorities_HighWins()
        {
            var alarms = new AlarmManager();
            alarms.SetCondition(AlarmCode.NearEmpty, true, 0);
            alarms.SetCondition(AlarmCode.SyringeNotSecured, true, S);
            alarms.SetCondition(AlarmCode.VitalAdvisory, true, 2 * S);
            Assert.Equal(AlarmCode.SyringeNotSecured, alarms.Highest);
        }

        // Proves: ALM-007
        [Fact]
        public void History_RaisedAndCleared_NewestFirst()
        {
            var alarms = new AlarmManager();
            alarms.SetCondition(AlarmCode.NearEmpty, true, 1);
            alarms.SetCondition(AlarmCode.NearEmpty, false, 2);
            alarms.SetCondition(AlarmCode.Occlusion, true, 3);
            Assert.Equal(3, alarms.HistoryCount);
            alarms.HistoryAt(0, out var code, out long at, out bool raised);
            Assert.Equal((AlarmCode.Occlusion, 3L, true), (code, at, raised));
            alarms.HistoryAt(2, out code, out at, out raised);
            Assert.Equal((AlarmCode.NearEmpty, 1L, true), (code, at, raised));
        }

        // Proves: ALM-007
        [Fact]
        public void History_MoreThanCapacity_KeepsNewest()
        {
            var alarms = new AlarmManager();
            for (int i = 0; i < 100; i++)
            {
                alarms.SetCondition(AlarmCode.NearEmpty, i % 2 == 0, i);
            }

            Assert.Equal(AlarmManager.HistoryCapacity, alarms.HistoryCount);
            alarms.HistoryAt(0, out _, out long at, out _);
            Assert.Equal(99, at);
        }
    }
}
