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
    
        // Proves: ALM-007
        [Fact]
        public void History_ClearEntry_CarriesTheClearFlagAndTime()
        {
            var alarms = new AlarmManager();
            alarms.SetCondition(AlarmCode.NearEmpty, true, 1);
            alarms.SetCondition(AlarmCode.NearEmpty, false, 2);
            alarms.SetCondition(AlarmCode.Occlusion, true, 3);
            alarms.HistoryAt(1, out var code, out long at, out bool raised);
            Assert.Equal((AlarmCode.NearEmpty, 2L, false), (code, at, raised));
        }

        // Proves: ALM-007
        [Fact]
        public void History_Wrapped_OldestKeptEntryIsCapacityBackFromNewest()
        {
            var alarms = new AlarmManager();
            for (int i = 0; i < 100; i++)
            {
                alarms.SetCondition(AlarmCode.NearEmpty, i % 2 == 0, i);
            }

            alarms.HistoryAt(AlarmManager.HistoryCapacity - 1, out var code, out long at, out bool raised);
            Assert.Equal((AlarmCode.NearEmpty, 36L, true), (code, at, raised));
            alarms.HistoryAt(0, out _, out at, out raised);
            Assert.Equal((99L, false), (at, raised));
        }

        // Proves: ALM-006
        [Fact]
        public void Annunciate_NothingChanges_WritesEachOutputOnceThenOnlyOnChange()
        {
            var alarms = new AlarmManager();
            var ann = new RecordingAnnunciator();
            alarms.Annunciate(ann, 0); // first call sets every output, even to silence
            Assert.Equal((1, 1, 1), (ann.SoundChanges, ann.LightWrites, ann.PausedWrites));
            Assert.Equal((AlarmSound.Silent, AlarmLight.Off, false), (ann.Sound, ann.Light, ann.AudioPaused));
            alarms.Annunciate(ann, S);
            Assert.Equal((1, 1, 1), (ann.SoundChanges, ann.LightWrites, ann.PausedWrites));

            alarms.SetCondition(AlarmCode.Occlusion, true, 2 * S);
            alarms.Annunciate(ann, 2 * S);
            alarms.Annunciate(ann, 3 * S);
            Assert.Equal((2, 2, 1), (ann.SoundChanges, ann.LightWrites, ann.PausedWrites));
            Assert.Equal(AlarmSound.HighPriority, alarms.CurrentSound);

            Assert.True(alarms.PauseAudio(4 * S));
            alarms.Annunciate(ann, 4 * S);
            alarms.Annunciate(ann, 5 * S);
            Assert.Equal((3, 2, 2), (ann.SoundChanges, ann.LightWrites, ann.PausedWrites));
            Assert.Equal(AlarmSound.Silent, alarms.CurrentSound);
        }

        // Proves: ALM-003
        [Fact]
        public void PauseAudio_NothingShown_RefusedAndNotPaused()
        {
            var alarms = new AlarmManager();
            Assert.False(alarms.PauseAudio(0));
            Assert.False(alarms.AudioPaused);
            Assert.Equal(0, alarms.AudioPausedUntilUs);
        }

        // Proves: ALM-003, ALM-004
        [Fact]
        public void PauseAudio_AlarmClearsDuringThePause_PauseEndsSoTheNextAlarmIsHeard()
        {
            var alarms = new AlarmManager();
            var ann = new RecordingAnnunciator();
            alarms.SetCondition(AlarmCode.NearEmpty, true, 0);
            Assert.True(alarms.PauseAudio(0));
            Assert.Equal(AlarmManager.AudioPauseMaxUs, alarms.AudioPausedUntilUs);
            alarms.SetCondition(AlarmCode.NearEmpty, false, S);
            alarms.Annunciate(ann, S);
            Assert.False(alarms.AudioPaused);
            Assert.False(ann.AudioPaused);
            Assert.Equal(0, alarms.AudioPausedUntilUs);
        }

        // Proves: ALM-004, ALM-007
        [Fact]
        public void LatchedAlarm_ConditionReturnsBeforeAcknowledge_LoggedRaisedAgainAndEndsThePause()
        {
            var alarms = new AlarmManager();
            var ann = new RecordingAnnunciator();
            alarms.SetCondition(AlarmCode.Occlusion, true, 0);
            alarms.SetCondition(AlarmCode.Occlusion, false, S);
            Assert.True(alarms.PauseAudio(2 * S));
            alarms.BeginTick();
            alarms.SetCondition(AlarmCode.Occlusion, true, 3 * S);
            Assert.False(alarms.AudioPaused);
            Assert.Equal(1, alarms.RaisedThisTickCount);
            Assert.Equal(AlarmCode.Occlusion, alarms.RaisedThisTick(0));
            Assert.Equal(2, alarms.HistoryCount); // raised, then raised again; the latch hid the clear
            alarms.HistoryAt(0, out var code, out long at, out bool raised);
            Assert.Equal((AlarmCode.Occlusion, 3 * S, true), (code, at, raised));
            Assert.Equal(0, alarms.RaisedAtUs(AlarmCode.Occlusion)); // the same occurrence, still shown since 0

            alarms.BeginTick();
            alarms.SetCondition(AlarmCode.Occlusion, true, 4 * S); // still present: nothing new
            Assert.Equal(0, alarms.RaisedThisTickCount);
            Assert.Equal(2, alarms.HistoryCount);
        }

        // Proves: ALM-005
        [Fact]
        public void RaiseEvent_ShownNotPresent_ClearedByAcknowledge()
        {
            var alarms = new AlarmManager();
            alarms.BeginTick();
            alarms.RaiseEvent(AlarmCode.PowerRestored, 5);
            Assert.True(alarms.IsShown(AlarmCode.PowerRestored));
            Assert.False(alarms.IsPresent(AlarmCode.PowerRestored));
            Assert.Equal(1, alarms.RaisedThisTickCount);
            Assert.Equal(5, alarms.RaisedAtUs(AlarmCode.PowerRestored));
            Assert.Equal(1, alarms.Acknowledge(6));
            Assert.False(alarms.IsShown(AlarmCode.PowerRestored));
            alarms.HistoryAt(0, out var code, out long at, out bool raised);
            Assert.Equal((AlarmCode.PowerRestored, 6L, false), (code, at, raised));
        }

        // Proves: ALM-005, PER-004
        [Fact]
        public void ShownSet_CountAndBits_FollowRaiseClearAndAcknowledge()
        {
            var alarms = new AlarmManager();
            Assert.Equal(0, alarms.ShownCount);
            Assert.Equal(0, alarms.ShownBits);
            alarms.SetCondition(AlarmCode.Occlusion, true, 0);
            alarms.SetCondition(AlarmCode.NearEmpty, true, 0);
            alarms.RestoreLatched(AlarmCode.PowerRestored, 0);
            Assert.Equal(3, alarms.ShownCount);
            long expected = (1L << (int)AlarmCode.Occlusion) | (1L << (int)AlarmCode.NearEmpty) | (1L << (int)AlarmCode.PowerRestored);
            Assert.Equal(expected, alarms.ShownBits);
            alarms.SetCondition(AlarmCode.NearEmpty, false, S);
            Assert.Equal(2, alarms.ShownCount);
            Assert.Equal(1, alarms.Acknowledge(2 * S)); // the occlusion is still present
            Assert.Equal(1L << (int)AlarmCode.Occlusion, alarms.ShownBits);
            Assert.Equal(1, alarms.ShownCount);
        }

        // Proves: ALM-001
        [Fact]
        public void AnyPresentWithAction_OnlyPresentConditionsCount()
        {
            var alarms = new AlarmManager();
            Assert.False(alarms.AnyPresentWithAction(AlarmAction.TechnicalStop));
            alarms.SetCondition(AlarmCode.NearEmpty, true, 0);
            Assert.False(alarms.AnyPresentWithAction(AlarmAction.TechnicalStop));
            Assert.True(alarms.AnyPresentWithAction(AlarmAction.Annunciate));
            alarms.SetCondition(AlarmCode.Occlusion, true, 0);
            Assert.True(alarms.AnyPresentWithAction(AlarmAction.TechnicalStop));
            alarms.SetCondition(AlarmCode.Occlusion, false, S); // latched, shown, but gone
            Assert.True(alarms.IsShown(AlarmCode.Occlusion));
            Assert.False(alarms.AnyPresentWithAction(AlarmAction.TechnicalStop));
        }

        // Proves: ALM-006
        [Fact]
        public void Highest_EqualPriorities_MostRecentWins()
        {
            var alarms = new AlarmManager();
            alarms.SetCondition(AlarmCode.Occlusion, true, 5);
            alarms.SetCondition(AlarmCode.SyringeEmpty, true, 7);
            alarms.SetCondition(AlarmCode.MotorStall, true, 6);
            Assert.Equal(AlarmCode.SyringeEmpty, alarms.Highest);
            alarms.SetCondition(AlarmCode.VitalAdvisory, true, 9);
            Assert.Equal(AlarmCode.SyringeEmpty, alarms.Highest);
        }

        // Proves: ALM-001
        [Fact]
        public void RaisedThisTick_MoreRaisesThanCodes_BoundedAndNoException()
        {
            var alarms = new AlarmManager();
            alarms.BeginTick();
            for (int round = 0; round < 3; round++)
            {
                for (int i = 1; i < AlarmCodes.Count; i++)
                {
                    alarms.SetCondition((AlarmCode)i, true, round);
                    alarms.SetCondition((AlarmCode)i, false, round);
                    alarms.Acknowledge(round);
                }
            }

            Assert.Equal(AlarmCodes.Count, alarms.RaisedThisTickCount);
            alarms.BeginTick();
            Assert.Equal(0, alarms.RaisedThisTickCount);

            // A latched alarm whose condition keeps coming back: each return is listed while room remains.
            for (int i = 0; i < 3 * AlarmCodes.Count; i++)
            {
                alarms.SetCondition(AlarmCode.Occlusion, true, 10 + i);
                alarms.SetCondition(AlarmCode.Occlusion, false, 10 + i);
            }

            Assert.Equal(AlarmCodes.Count, alarms.RaisedThisTickCount);
            Assert.Equal(AlarmCode.Occlusion, alarms.RaisedThisTick(AlarmCodes.Count - 1));
        }
    }
}
