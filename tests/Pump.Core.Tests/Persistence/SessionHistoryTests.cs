using System;
using Pump.Core.Persistence;
using Xunit;

namespace Pump.Core.Tests.Persistence
{
    public sealed class SessionHistoryTests
    {
        private const int Ketamine = 17;
        private const int OtherDrug = 99;
        private const long Hour = 3600;
        private const long Day = 86400;
        private const long T0 = 1_790_000_000;

        private static SessionHistory Open(PowerCutStore store)
        {
            store.Reboot();
            var h = new SessionHistory(store);
            h.TryLoad();
            return h;
        }

        private static SpacingCheckResult Check(SessionHistory h, long now, bool rtcValid = true, int drug = Ketamine)
        {
            var result = new SpacingCheckResult();
            h.CheckSessionSpacing(drug, rtcValid, now, SessionSpacingLimits.KetaminePsychDefaults(), result);
            return result;
        }

        // Proves: HIS-001
        [Fact]
        public void SessionHistory_BeginAndFinish_SurviveRestartWithBoundThenFinalDose()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.True(h.IsTrusted);
            Assert.Equal(0, h.Count);
            Assert.True(h.TryBeginSession(Ketamine, T0, 35_000));

            var r = new SessionRecord();
            var afterCut = Open(store); // power lost mid-session: the programmed dose stands as the bound
            Assert.True(afterCut.TryGetSession(0, r));
            Assert.Equal(35_000, r.DeliveredUg);
            Assert.False(r.Final);
            Assert.True(afterCut.TryFinishSession(21_400));

            var later = Open(store);
            Assert.True(later.TryGetSession(0, r));
            Assert.Equal(T0, r.StartUtcSeconds);
            Assert.Equal(21_400, r.DeliveredUg);
            Assert.Equal(Ketamine, r.DrugId);
            Assert.True(r.Final);
            Assert.False(later.TryFinishSession(1)); // already final
        }

        // Proves: HIS-002
        [Fact]
        public void SessionHistory_Queries_TimeSinceLastAndCountInLastDaysPerDrug()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.True(h.TryBeginSession(Ketamine, T0, 1));
            Assert.True(h.TryBeginSession(OtherDrug, T0 + 1 * Day, 1));
            Assert.True(h.TryBeginSession(Ketamine, T0 + 3 * Day, 1));
            Assert.True(h.TryBeginSession(Ketamine, T0 + 8 * Day, 1));
            h = Open(store);
            long now = T0 + 9 * Day;
            Assert.True(h.TryGetSecondsSinceLastSession(Ketamine, now, out long since));
            Assert.Equal(1 * Day, since);
            Assert.True(h.TryGetSecondsSinceLastSession(OtherDrug, now, out since));
            Assert.Equal(8 * Day, since);
            Assert.False(h.TryGetSecondsSinceLastSession(12345, now, out _));
            Assert.Equal(2, h.CountSessionsInLastDays(Ketamine, now, 7));  // day 3 and day 8; day 0 is 9 days ago
            Assert.Equal(3, h.CountSessionsInLastDays(Ketamine, now, 10));
            Assert.Equal(0, h.CountSessionsInLastDays(OtherDrug, now, 7));
        }

        // Proves: HIS-003
        [Theory]
        [InlineData(0)]
        [InlineData(19 * Hour + 59 * 60)]
        [InlineData(20 * Hour - 1)]
        public void CheckSessionSpacing_UnderHardMinimum_IsRefusedWithValueAndLimit(long sinceSeconds)
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.True(h.TryBeginSession(Ketamine, T0, 1));
            var r = Check(h, T0 + sinceSeconds);
            Assert.Equal(SpacingVerdict.HardRefused, r.Verdict);
            Assert.True(r.IsRefused);
            Assert.Equal(sinceSeconds, r.SecondsSinceLastSession);
            Assert.Equal(20 * Hour, r.IntervalLimitSeconds);
            Assert.Contains("minimum interval is 20 h", r.Message);
            Assert.Contains("refused", r.Message);
        }

        // Proves: HIS-004
        [Fact]
        public void CheckSessionSpacing_BetweenHardAndSoftMinimum_NeedsConfirmation()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.True(h.TryBeginSession(Ketamine, T0, 1));
            var r = Check(h, T0 + 20 * Hour);
            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, r.Verdict);
            Assert.False(r.IsRefused);
            Assert.True(r.SoftInterval);
            Assert.Equal(48 * Hour, r.IntervalLimitSeconds);
            Assert.Equal("Last session 20 h ago; recommended minimum 2 d. Confirm to start.", r.Message);

            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, Check(h, T0 + 48 * Hour - 1).Verdict);
            var ok = Check(h, T0 + 48 * Hour);
            Assert.Equal(SpacingVerdict.Allowed, ok.Verdict);
            Assert.Equal("Last session 2 d ago.", ok.Message);
            Assert.Equal(SpacingVerdict.Allowed, Check(h, T0 + Hour, drug: OtherDrug).Verdict);
        }

        // Proves: HIS-004
        [Fact]
        public void CheckSessionSpacing_ThreeSessionsInSevenDays_FourthNeedsConfirmation()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.True(h.TryBeginSession(Ketamine, T0, 1));
            Assert.True(h.TryBeginSession(Ketamine, T0 + 2 * Day, 1));
            Assert.True(h.TryBeginSession(Ketamine, T0 + 4 * Day, 1));
            var r = Check(h, T0 + 6 * Day + Hour); // 50 h after the last: interval fine, count at the soft max
            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, r.Verdict);
            Assert.True(r.SoftCount);
            Assert.False(r.SoftInterval);
            Assert.Equal(3, r.SessionsInWindow);
            Assert.Equal(3, r.SessionsLimit);
            Assert.Equal("3 sessions in the last 7 d; recommended maximum 3. Confirm to start.", r.Message);
            Assert.Equal(SpacingVerdict.Allowed, Check(h, T0 + 7 * Day).Verdict); // the first has left the window

            var both = Check(h, T0 + 5 * Day); // 24 h after the last and 3 in the window: both soft findings
            Assert.True(both.SoftInterval && both.SoftCount);
            Assert.Contains("recommended minimum 2 d", both.Message);
            Assert.Contains("recommended maximum 3", both.Message);
        }

        // Proves: HIS-005
        [Fact]
        public void CheckSessionSpacing_RtcNotValid_CannotVerifyAndRefuses()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            var r = Check(h, 0, rtcValid: false);
            Assert.Equal(SpacingVerdict.CannotVerify, r.Verdict);
            Assert.True(r.IsRefused);
            Assert.Contains("clock not set", r.Message);
        }

        // Proves: HIS-005
        [Fact]
        public void CheckSessionSpacing_ClockBehindLastSession_CannotVerify()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.True(h.TryBeginSession(Ketamine, T0, 1));
            var r = Check(h, T0 - Day);
            Assert.Equal(SpacingVerdict.CannotVerify, r.Verdict);
            Assert.Contains("earlier than the last recorded session", r.Message);
        }

        // Proves: HIS-005, PER-003
        [Fact]
        public void CheckSessionSpacing_HistoryDamagedInBothSlots_CannotVerifyAndNoSessionCanBeAdded()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.True(h.TryBeginSession(Ketamine, T0, 1));
            Assert.True(h.TryBeginSession(Ketamine, T0 + 3 * Day, 1));
            store.FlipBit(StoreLayout.SessionHistoryAddress + 20, 1);
            store.FlipBit(StoreLayout.SessionHistoryAddress + StoreLayout.SessionHistorySlotBytes + 20, 1);
            var damaged = Open(store);
            Assert.False(damaged.IsTrusted);
            Assert.True(damaged.LoadReport.AnyDamage);
            var r = Check(damaged, T0 + 30 * Day);
            Assert.Equal(SpacingVerdict.CannotVerify, r.Verdict);
            Assert.Contains("history unreadable", r.Message);
            Assert.False(damaged.TryBeginSession(Ketamine, T0 + 30 * Day, 1));
        }

        // Proves: HIS-006
        [Fact]
        public void SessionHistory_PowerCutAtEveryByteOfAnUpdate_KeepsPreviousOrNewHistory()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.True(h.TryBeginSession(Ketamine, T0, 10));
            Assert.True(h.TryFinishSession(9));
            byte[] image = store.Copy();
            int updateBytes = StoreLayout.RecordOverheadBytes + 4 + 2 * 24;
            for (int cut = 0; cut <= updateBytes; cut++)
            {
                store.RestoreFrom(image);
                var writer = Open(store);
                store.CutPowerAfter(cut);
                bool ok = writer.TryBeginSession(Ketamine, T0 + 3 * Day, 20);
                Assert.Equal(cut == updateBytes, ok);
                Assert.Equal(ok ? 2 : 1, writer.Count); // a failed write leaves memory as it was

                var reader = Open(store);
                Assert.True(reader.IsTrusted, "cut " + cut + ": " + reader.LoadReport.Describe());
                Assert.True(reader.Count == 1 || reader.Count == 2);
                Assert.True(reader.TryGetLastSessionStart(Ketamine, out long last));
                Assert.Equal(reader.Count == 2 ? T0 + 3 * Day : T0, last);
                if (reader.Count == 1)
                {
                    var r = new SessionRecord();
                    Assert.True(reader.TryGetSession(0, r));
                    Assert.Equal(9, r.DeliveredUg);
                    Assert.True(r.Final);
                }
            }
        }

        // Proves: HIS-001
        [Fact]
        public void SessionHistory_Full_DropsOldestAndKeepsNewest()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            for (int i = 0; i < SessionHistory.MaxSessions + 5; i++)
            {
                Assert.True(h.TryBeginSession(Ketamine, T0 + i * Day, i));
            }

            var reopened = Open(store);
            Assert.Equal(SessionHistory.MaxSessions, reopened.Count);
            var r = new SessionRecord();
            Assert.True(reopened.TryGetSession(SessionHistory.MaxSessions - 1, r));
            Assert.Equal(T0 + 5 * Day, r.StartUtcSeconds);
            Assert.True(reopened.TryGetSession(0, r));
            Assert.Equal(T0 + (SessionHistory.MaxSessions + 4) * Day, r.StartUtcSeconds);
        }

        // Proves: HIS-001, PER-013
        [Fact]
        public void SessionHistory_BadArgumentsOrWriteFailure_ReturnFalseAndChangeNothing()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var h = Open(store);
            Assert.False(h.TryBeginSession(Ketamine, -1, 1));
            Assert.False(h.TryBeginSession(Ketamine, T0, -1));
            Assert.False(h.TryFinishSession(5)); // nothing open
            for (int i = 0; i < SessionHistory.MaxSessions; i++) Assert.True(h.TryBeginSession(Ketamine, T0 + i, 1));
            store.FailWrites = true;
            Assert.False(h.TryBeginSession(Ketamine, T0 + Day, 1));
            Assert.Equal(SessionHistory.MaxSessions, h.Count);
            var r = new SessionRecord();
            Assert.True(h.TryGetSession(SessionHistory.MaxSessions - 1, r));
            Assert.Equal(T0, r.StartUtcSeconds); // the oldest was put back
        }

        [Theory]
        [InlineData(0, "0 min")]
        [InlineData(59, "0 min")]
        [InlineData(12 * 60, "12 min")]
        [InlineData(20 * Hour, "20 h")]
        [InlineData(20 * Hour - 60, "19 h 59 min")]
        [InlineData(2 * Day + 3 * Hour + 5, "2 d 3 h")]
        [InlineData(7 * Day, "7 d")]
        public void SessionHistory_Duration_FormatsWholeUnitsRoundedDown(long seconds, string expected)
        {
            Assert.Equal(expected, SessionSpacingCheck.Duration(seconds));
        }
    }
}
