using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The session-spacing gate of the drug being programmed (HIS-003..HIS-006): the library's limits (hours,
    /// sessions per 7 days) checked against the persisted history and the real-time clock, a soft finding
    /// overridden only by a logged confirmation, and that override standing at Start only for the same soft verdict.
    /// </summary>
    public sealed class SpacingGateTests
    {
        private const int Hour = 3600;
        private const int DrugId = 77;
        private readonly PumpRig _rig;
        private readonly SpacingGate _gate;

        public SpacingGateTests()
        {
            _rig = new PumpRig();
            _rig.Run(0.2);
            _gate = new SpacingGate(_rig.Hardware, _rig.Controller.Persistence);
        }

        private long Now => _rig.Rtc.UtcSeconds;

        private static DrugEntry Drug(Limits spacingH, Limits per7Days)
        {
            var limits = new Limits[DrugEntry.StoredLimitCount];
            limits[(int)LimitKind.SessionSpacingH] = spacingH;
            limits[(int)LimitKind.SessionsPer7Days] = per7Days;
            return new DrugEntry(DrugId, "SPACED", DoseMode.PlainRate, false, new int[0], 0, 0, 0, 10_000_000, limits, 0);
        }

        private static Limits NoCount => new Limits(0, 0, Limits.Unlimited, Limits.Unlimited);

        /// <summary>Hard 20 h, soft 48 h, no count rule (the shipped ketamine's spacing).</summary>
        private static DrugEntry Spaced => Drug(new Limits(20, 48, Limits.Unlimited, Limits.Unlimited), NoCount);

        private void SessionStartedAgo(long seconds)
        {
            Assert.True(_rig.Controller.Persistence.History.TryBeginSession(DrugId, Now - seconds, 1000));
            Assert.True(_rig.Controller.Persistence.History.TryFinishSession(1000));
        }

        private int OverridesLogged() => PumpRigLog.Controller(_rig, PumpEvent.SessionSpacingOverride).Count;

        // Proves: HIS-003
        [Fact]
        public void Check_DrugWithoutRulesAfterASpacedDrugsFinding_NothingOfTheEarlierFindingLeft()
        {
            // The clinician chose the spaced drug, saw its finding, went back and chose a drug without session rules.
            SessionStartedAgo(30 * Hour);
            SpacingCheckResult first = _gate.Check(Spaced);
            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, first.Verdict);
            Assert.NotEqual("", first.Message);

            SpacingCheckResult result = _gate.Check(Drug(NoCount, NoCount));
            Assert.Equal(SpacingVerdict.Allowed, result.Verdict);
            Assert.Equal("", result.Message);
            Assert.Equal(-1, result.SecondsSinceLastSession);
            Assert.False(result.SoftInterval);
        }

        // Proves: HIS-003
        [Fact]
        public void Check_DrugWithoutSessionRules_AllowedEvenWithoutAValidClock()
        {
            _rig.Rtc.Valid = false;
            SessionStartedAgo(Hour);
            SpacingCheckResult result = _gate.Check(Drug(NoCount, NoCount));
            Assert.Equal(SpacingVerdict.Allowed, result.Verdict);
            Assert.Same(_gate.Result, result);
        }

        // Proves: HIS-005
        [Fact]
        public void Check_SessionRulesAndClockNotSet_CannotVerify()
        {
            _rig.Rtc.Valid = false;
            Assert.Equal(SpacingVerdict.CannotVerify, _gate.Check(Spaced).Verdict);
            Assert.False(_gate.AllowedAtStart(Spaced));
        }

        // Proves: HIS-003, HIS-004
        [Fact]
        public void Check_SpacingLimitsInHours_ComparedInSecondsOnEachSideOfBothBounds()
        {
            SessionStartedAgo(20 * Hour - 1);
            SpacingCheckResult hard = _gate.Check(Spaced);
            Assert.Equal(SpacingVerdict.HardRefused, hard.Verdict);
            Assert.Equal(20 * Hour, hard.IntervalLimitSeconds);
            Assert.Equal(20 * Hour - 1, hard.SecondsSinceLastSession);

            _rig.Rtc.UtcSeconds += 1;
            SpacingCheckResult soft = _gate.Check(Spaced);
            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, soft.Verdict);
            Assert.Equal(48 * Hour, soft.IntervalLimitSeconds);

            _rig.Rtc.UtcSeconds += (28 * Hour) - 1;
            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, _gate.Check(Spaced).Verdict);
            _rig.Rtc.UtcSeconds += 1;
            Assert.Equal(SpacingVerdict.Allowed, _gate.Check(Spaced).Verdict);
        }

        // Proves: HIS-004
        [Fact]
        public void Check_SessionsPer7Days_SoftAndHardCountsOverASevenDayWindow()
        {
            DrugEntry counted = Drug(new Limits(0, 0, Limits.Unlimited, Limits.Unlimited), new Limits(0, 0, 2, 3));
            SessionStartedAgo(7 * 24 * Hour);     // just outside the window
            SessionStartedAgo(3 * 24 * Hour);
            Assert.Equal(SpacingVerdict.Allowed, _gate.Check(counted).Verdict);
            Assert.Equal(1, _gate.Result.SessionsInWindow);

            SessionStartedAgo(2 * 24 * Hour);
            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, _gate.Check(counted).Verdict);
            Assert.Equal(2, _gate.Result.SessionsLimit);

            SessionStartedAgo(24 * Hour);
            Assert.Equal(SpacingVerdict.HardRefused, _gate.Check(counted).Verdict);
            Assert.Equal(3, _gate.Result.SessionsLimit);
        }

        // Proves: HIS-004
        [Fact]
        public void Check_UnlimitedCounts_NeverLimitTheNumberOfSessions()
        {
            DrugEntry spacedOnly = Drug(new Limits(1, 1, Limits.Unlimited, Limits.Unlimited), NoCount);
            for (int i = 10; i >= 2; i--)
            {
                SessionStartedAgo(i * Hour);
            }

            Assert.Equal(SpacingVerdict.Allowed, _gate.Check(spacedOnly).Verdict);
            Assert.Equal(0, _gate.Result.SessionsLimit);
        }

        // Proves: HIS-004
        [Fact]
        public void OverrideIfSoft_SoftFinding_LoggedWithTheTimeSinceAndTheSessionsInTheWindow()
        {
            DrugEntry both = Drug(new Limits(20, 48, Limits.Unlimited, Limits.Unlimited), new Limits(0, 0, 2, Limits.Unlimited));
            SessionStartedAgo(100 * Hour);
            SessionStartedAgo(30 * Hour);
            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, _gate.Check(both).Verdict);
            _gate.OverrideIfSoft();
            var logged = Assert.Single(PumpRigLog.Controller(_rig, PumpEvent.SessionSpacingOverride));
            Assert.Equal(30 * Hour, logged.Arg0);
            Assert.Equal(2, logged.Arg1);
            Assert.True(_gate.AllowedAtStart(both));
        }

        // Proves: HIS-003, HIS-004
        [Fact]
        public void OverrideIfSoft_AllowedOrRefused_NothingOverriddenOrLogged()
        {
            _gate.Check(Spaced);
            _gate.OverrideIfSoft();
            Assert.Equal(0, OverridesLogged());
            Assert.True(_gate.AllowedAtStart(Spaced));

            SessionStartedAgo(Hour);
            _gate.Check(Spaced);
            _gate.OverrideIfSoft();
            Assert.Equal(0, OverridesLogged());
            Assert.False(_gate.AllowedAtStart(Spaced));
        }

        // Proves: HIS-004
        [Fact]
        public void AllowedAtStart_SoftFindingNotConfirmed_Refused()
        {
            SessionStartedAgo(30 * Hour);
            _gate.Check(Spaced);
            Assert.False(_gate.AllowedAtStart(Spaced));
        }

        // Proves: HIS-004
        [Fact]
        public void AllowedAtStart_NoDrug_Refused()
        {
            _gate.Check(Spaced);
            Assert.False(_gate.AllowedAtStart(null));
        }

        // Proves: HIS-004
        [Fact]
        public void AllowedAtStart_OverrideStandsForRepeatedStartsWhileTheSameSoftVerdictHolds()
        {
            SessionStartedAgo(30 * Hour);
            _gate.Check(Spaced);
            _gate.OverrideIfSoft();
            Assert.True(_gate.AllowedAtStart(Spaced));
            Assert.True(_gate.AllowedAtStart(Spaced));
            Assert.Equal(1, OverridesLogged());
        }

        // Proves: HIS-005
        [Fact]
        public void AllowedAtStart_VerdictTurnedHardSinceTheOverride_RefusedAndTheOverrideDoesNotComeBack()
        {
            SessionStartedAgo(30 * Hour);
            _gate.Check(Spaced);
            _gate.OverrideIfSoft();
            _rig.Rtc.Valid = false;
            Assert.False(_gate.AllowedAtStart(Spaced));
            _rig.Rtc.Valid = true;
            Assert.Equal(SpacingVerdict.SoftNeedsConfirmation, _gate.Check(Spaced).Verdict);
            Assert.False(_gate.AllowedAtStart(Spaced));
        }

        // Proves: HIS-004
        [Fact]
        public void Check_NewCheck_ForgetsAnEarlierOverride()
        {
            SessionStartedAgo(30 * Hour);
            _gate.Check(Spaced);
            _gate.OverrideIfSoft();
            _gate.Check(Spaced);
            Assert.False(_gate.AllowedAtStart(Spaced));
        }

        // Proves: HIS-004
        [Fact]
        public void Forget_DropsTheOverride()
        {
            SessionStartedAgo(30 * Hour);
            _gate.Check(Spaced);
            _gate.OverrideIfSoft();
            _gate.Forget();
            Assert.False(_gate.AllowedAtStart(Spaced));
        }
    }
}
