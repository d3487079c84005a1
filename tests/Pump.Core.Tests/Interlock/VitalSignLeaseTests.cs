using Pump.Core.Interlock;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Interlock
{
    public sealed class VitalSignLeaseTests
    {
        private const int LeaseMs = 5000;
        private const int NibpMaxAgeS = 600;

        private static VitalSigns Frame(long rxMs, int nibpAgeS = 10)
        {
            return new VitalSigns
            {
                MonitorId = 1,
                Sequence = 1,
                HeartRateBpm = 72,
                Spo2Percent = 97,
                RespiratoryRatePerMin = 14,
                SystolicMmHg = 125,
                DiastolicMmHg = 75,
                MeanMmHg = 92,
                NibpAgeS = nibpAgeS,
                NibpReadingNumber = 1,
                AvailableFlags = VitalSigns.AvailKnownMask,
                ReceivedAtMs = rxMs,
            };
        }

        private static VitalSignLease NewLease(bool respRateRequired = false) => new VitalSignLease(LeaseMs, NibpMaxAgeS, respRateRequired);

        // Proves: INT-001
        [Fact]
        public void NewLease_NotHeld_CauseNeverGranted()
        {
            var lease = NewLease();
            Assert.False(lease.IsHeld(0));
            Assert.False(lease.IsHeld(long.MaxValue));
            Assert.Equal(LeaseCause.NeverGranted, lease.Cause(0));
        }

        // Proves: INT-002, INT-003
        [Fact]
        public void Renew_ValidFrame_HeldUntilReceiveTimePlusLeaseExactly()
        {
            var lease = NewLease();
            Assert.Equal(LeaseCause.None, lease.Renew(Frame(1000), 1000, true));

            Assert.Equal(6000, lease.ExpiresAtMs);
            Assert.True(lease.IsHeld(5999));
            Assert.Equal(LeaseCause.None, lease.Cause(5999));
            Assert.False(lease.IsHeld(6000));
            Assert.Equal(LeaseCause.LinkLost, lease.Cause(6000));
        }

        // Proves: INT-002, INT-006
        [Fact]
        public void Renew_FrameHandledLaterThanReceived_ExpiryCountsFromReceiveTime()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1800, true);
            Assert.Equal(6000, lease.ExpiresAtMs);
        }

        // Proves: INT-006
        [Fact]
        public void Renew_FrameAsOldAsTheLeaseOrFromTheFuture_RefusedAndRevokes()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);

            Assert.Equal(LeaseCause.LinkLost, lease.Renew(Frame(1000), 6000, true));
            Assert.False(lease.IsHeld(6000));

            lease.Renew(Frame(7000), 7000, true);
            Assert.Equal(LeaseCause.LinkLost, lease.Renew(Frame(7001), 7000, true));
            Assert.False(lease.IsHeld(7000));
        }

        // Proves: INT-004
        [Fact]
        public void Renew_NibpNearMaxAge_LeaseEndsWhenTheReadingReachesMaxAge()
        {
            var lease = NewLease();
            // Reading 598 s old at 1 000 000 ms: it reaches 600 s at 1 002 000, before the 5 s lease would end.
            Assert.Equal(LeaseCause.None, lease.Renew(Frame(1000000, 598), 1000000, true));

            Assert.Equal(1002000, lease.ExpiresAtMs);
            Assert.True(lease.IsHeld(1001999));
            Assert.False(lease.IsHeld(1002000));
            Assert.Equal(LeaseCause.NibpStale, lease.Cause(1002000));
        }

        // Proves: INT-004
        [Fact]
        public void Renew_NibpAtMaxAge_Refused()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);
            Assert.Equal(LeaseCause.NibpStale, lease.Renew(Frame(2000, 600), 2000, true));
            Assert.False(lease.IsHeld(2000));
            Assert.Equal(LeaseCause.NibpStale, lease.Cause(2000));
        }

        public static TheoryData<string, int, int, LeaseCause> MissingData => new TheoryData<string, int, int, LeaseCause>
        {
            { "probe off", VitalSigns.AvailKnownMask, VitalSigns.StatusSpo2ProbeOff, LeaseCause.Spo2ProbeOff },
            { "SpO2 artifact", VitalSigns.AvailKnownMask, VitalSigns.StatusSpo2Artifact, LeaseCause.Spo2Missing },
            { "SpO2 not reported", VitalSigns.AvailKnownMask & ~VitalSigns.AvailSpo2, 0, LeaseCause.Spo2Missing },
            { "HR not reported", VitalSigns.AvailKnownMask & ~VitalSigns.AvailHeartRate, 0, LeaseCause.HeartRateMissing },
            { "NIBP not reported", VitalSigns.AvailKnownMask & ~VitalSigns.AvailNibp, 0, LeaseCause.NibpMissing },
            { "NIBP cuff error", VitalSigns.AvailKnownMask, VitalSigns.StatusNibpCuffError, LeaseCause.NibpMissing },
        };

        // Proves: INT-005
        [Theory]
        [MemberData(nameof(MissingData))]
        public void Renew_RequiredVitalMissing_RevokesAtOnceWithCause(string name, int available, int status, LeaseCause expected)
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);
            Assert.True(lease.IsHeld(2000));
            VitalSigns bad = Frame(2000);
            bad.AvailableFlags = available;
            bad.StatusFlags = status;

            Assert.Equal(expected, lease.Renew(bad, 2000, true));
            Assert.False(lease.IsHeld(2000), name);
            Assert.Equal(expected, lease.Cause(2000));

            Assert.Equal(LeaseCause.None, lease.Renew(Frame(3000), 3000, true));
            Assert.True(lease.IsHeld(3000));
        }

        // Proves: INT-005
        [Fact]
        public void Renew_RespRateMissing_BlocksOnlyWhenTheProfileRequiresIt()
        {
            VitalSigns f = Frame(1000);
            f.AvailableFlags &= ~VitalSigns.AvailRespiratoryRate;
            Assert.Equal(LeaseCause.None, NewLease(false).Renew(f, 1000, true));
            Assert.Equal(LeaseCause.RespiratoryRateMissing, NewLease(true).Renew(f, 1000, true));
        }

        // Proves: INT-002
        [Fact]
        public void Renew_OutsideLimits_RevokesWithCause()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);
            Assert.Equal(LeaseCause.OutsideLimits, lease.Renew(Frame(2000), 2000, false));
            Assert.False(lease.IsHeld(2000));
        }

        // Proves: INT-002
        [Fact]
        public void Revoke_Unpaired_EndsNowWithCauseAndExpiredLeaseStaysExpired()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);
            lease.Revoke(LeaseCause.UnpairedMonitor, 2500);
            Assert.Equal(2500, lease.ExpiresAtMs);
            Assert.Equal(LeaseCause.UnpairedMonitor, lease.Cause(2500));

            lease.Revoke(LeaseCause.OutsideLimits, 9000);
            Assert.Equal(2500, lease.ExpiresAtMs);
        }

        // Proves: INT-002
        [Fact]
        public void Revoke_WithoutACause_ReportsLinkLostNotNone()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);
            lease.Revoke(LeaseCause.None, 2500);
            // An ended lease always names a cause; "none" would read as "the lease is fine".
            Assert.Equal(LeaseCause.LinkLost, lease.Cause(2500));

            // Also when the lease was never granted: the revocation's cause, not the earlier state, is reported.
            lease.Clear();
            lease.Revoke(LeaseCause.None, 3000);
            Assert.Equal(LeaseCause.LinkLost, lease.Cause(3000));
        }

        // Proves: INT-003, INT-004
        [Fact]
        public void Renew_NibpAgesOutAtTheSameInstantTheLinkLeaseEnds_CauseIsLinkLost()
        {
            var lease = NewLease();
            // Received at 1000 ms: link expiry 6000; NIBP measured 595 s earlier reaches 600 s at 6000 too.
            Assert.Equal(LeaseCause.None, lease.Renew(Frame(1000, nibpAgeS: 595), 1000, true));
            Assert.Equal(6000, lease.ExpiresAtMs);
            Assert.Equal(LeaseCause.LinkLost, lease.Cause(6000));

            // One second older and the NIBP ends it first.
            Assert.Equal(LeaseCause.None, lease.Renew(Frame(1000, nibpAgeS: 596), 1000, true));
            Assert.Equal(5000, lease.ExpiresAtMs);
            Assert.Equal(LeaseCause.NibpStale, lease.Cause(5000));
        }

        // Proves: INT-003
        [Fact]
        public void Renew_AfterARevocation_LaterExpiryReportsItsOwnCause()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);
            lease.Revoke(LeaseCause.UnpairedMonitor, 1500);
            Assert.Equal(LeaseCause.None, lease.Renew(Frame(2000), 2000, true));
            Assert.Equal(LeaseCause.None, lease.Cause(6999));
            Assert.Equal(LeaseCause.LinkLost, lease.Cause(7000));
        }

        // Proves: INT-001
        [Fact]
        public void Clear_AfterARevocation_NotHeldAndNeverGranted()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);
            lease.Revoke(LeaseCause.OutsideLimits, 1500);
            lease.Clear();
            Assert.False(lease.IsHeld(1500));
            Assert.Equal(LeaseCause.NeverGranted, lease.Cause(1500));
            Assert.Equal(long.MinValue, lease.ExpiresAtMs);
        }

        // Proves: INT-003
        [Fact]
        public void Revoke_WithoutACause_ReportsLinkLost()
        {
            var lease = NewLease();
            lease.Renew(Frame(1000), 1000, true);
            lease.Revoke(LeaseCause.None, 1200);
            Assert.False(lease.IsHeld(1200));
            Assert.Equal(LeaseCause.LinkLost, lease.Cause(1200));
        }

        // Proves: INT-006
        [Theory]
        [InlineData(0)]
        [InlineData(-5)]
        public void Lease_LengthBelowOneMillisecond_TreatedAsOne(int leaseMs)
        {
            var lease = new VitalSignLease(leaseMs, NibpMaxAgeS, false);
            Assert.Equal(LeaseCause.None, lease.Renew(Frame(1000), 1000, true));
            Assert.True(lease.IsHeld(1000));
            Assert.False(lease.IsHeld(1001));
            Assert.Equal(LeaseCause.LinkLost, lease.Renew(Frame(1000), 1001, true));
        }

        // Proves: INT-002
        [Fact]
        public void WouldGrant_FreshFrame_NoneAndChangesNothing()
        {
            var lease = NewLease();
            Assert.Equal(LeaseCause.None, lease.WouldGrant(Frame(1000), 1000));
            Assert.False(lease.IsHeld(1000));
            Assert.Equal(LeaseCause.NeverGranted, lease.Cause(1000));
            Assert.Equal(LeaseCause.LinkLost, lease.WouldGrant(Frame(1000), 6000));
            Assert.Equal(LeaseCause.NibpStale, lease.WouldGrant(Frame(1000, nibpAgeS: 600), 1000));
        }

        // Proves: INT-009
        [Fact]
        public void KetamineProfile_LeaseParameters_AsJustifiedInInterlockDoc()
        {
            var p = InterlockProfile.KetaminePsych40();
            Assert.Equal(5000, p.LeaseMs);
            Assert.Equal(300, p.NibpCycleS);
            Assert.Equal(600, p.NibpMaxAgeForLeaseS);
            Assert.Equal(300, p.BaselineMaxAgeS);

            // Worst case in one lease at the ketamine hard rate cap of 150 mg/h (clinical.md §6a), lease plus one
            // 50 ms control tick: 150 000 ug/h * 5 050 ms / 3 600 000 ms/h = 210 ug (rounded down), 0.21 mg.
            const long hardCapUgPerHour = 150L * 1000;
            long worstUg = hardCapUgPerHour * (p.LeaseMs + Pump.Core.Control.PumpController.TickPeriodMs) / 3600000;
            Assert.Equal(210, worstUg);
        }
    }
}
