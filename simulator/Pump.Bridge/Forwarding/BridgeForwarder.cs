using System;
using System.Text;
using Pump.Bridge.Model;
using Pump.Core.Link;

namespace Pump.Bridge.Forwarding
{
    /// <summary>
    /// The bridge's safety core: takes source reports, decides whether it may speak, and builds authenticated
    /// monitor-link v2 frames. It never invents or holds a value: every frame carries only the latest report's
    /// values, each with its own status and its age at sending; a value without a time stamp, older than the
    /// continuous limit or outside what a monitor can report goes out as unavailable. It goes silent (builds no
    /// frame) when the source is lost, its clock is unsure, or the source is ambiguous, and logs why. A cuff
    /// reading's number is its source time stamp in seconds (mod 65536), so the pump counts each reading once
    /// however often it is forwarded, across bridge restarts too.
    /// </summary>
    public sealed class BridgeForwarder
    {
        private readonly BridgePolicy _policy;
        private readonly uint _monitorId;
        private readonly uint _boot;
        private readonly HmacSha256 _mac;
        private readonly BridgeLog _log;
        private readonly VitalSigns _v = new();
        private SourceReport? _latest;
        private long _latestAtMs;
        private uint _sequence;
        private ulong _pinnedSource;
        private string? _pinnedBed;
        private string? _pinnedPatient;
        private BridgeState _state = BridgeState.WaitingForSource;

        public BridgeForwarder(BridgePolicy policy, uint monitorId, uint boot, HmacSha256 mac, BridgeLog log)
        {
            if (!mac.Keyed)
            {
                throw new ArgumentException("the link key is not set", nameof(mac));
            }
            _policy = policy;
            _monitorId = monitorId;
            _boot = boot;
            _mac = mac;
            _log = log;
        }

        public BridgeState State => _state;

        /// <summary>Why the bridge is in its state (the status view's line).</summary>
        public string StateReason { get; private set; } = "no report yet";

        public long FramesSent { get; private set; }

        public long ReportsAccepted { get; private set; }

        public long ReportsRefused { get; private set; }

        /// <summary>The latest accepted report (for the status view).</summary>
        public SourceReport? Latest => _latest;

        /// <summary>The last frame's vitals as sent (for the status view and tests).</summary>
        public VitalSigns LastSent => _v;

        /// <summary>Takes a report from the source adapter at bridge time <paramref name="nowMs"/> / <paramref name="nowUtc"/>.</summary>
        public void OnReport(SourceReport report, long nowMs, DateTimeOffset nowUtc)
        {
            if (_state == BridgeState.Ambiguous)
            {
                Refuse(nowMs, "ignored: the bridge is latched ambiguous (" + StateReason + ")");
                return;
            }
            if (report.Ambiguity != null)
            {
                Latch(nowMs, report.Ambiguity);
                return;
            }
            string? identity = CheckIdentity(report);
            if (identity != null)
            {
                Latch(nowMs, identity);
                return;
            }
            string? clock = CheckClock(report, nowUtc);
            if (clock != null)
            {
                ReportsRefused++;
                Enter(BridgeState.ClockUnsure, nowMs, clock);
                return;
            }
            if (_pinnedBed == null)
            {
                _pinnedSource = report.SourceId;
                _pinnedBed = report.BedLabel;
                _pinnedPatient = report.PatientId;
                _log.Write(nowMs, "source", $"pinned source {report.SourceId:X16} bed '{report.BedLabel}' patient '{report.PatientId}'");
            }
            _latest = report;
            _latestAtMs = nowMs;
            ReportsAccepted++;
            foreach (Measurement m in report.Measurements)
            {
                if (m.Status != ValueStatusCode.Valid && m.Note.Length > 0)
                {
                    _log.Write(nowMs, "value", $"{m.Kind} not forwarded as valid: {m.Note}");
                }
            }
            Enter(BridgeState.Forwarding, nowMs, "reports arriving");
        }

        /// <summary>The adapter lost its source (connection closed, association aborted or released).</summary>
        public void OnSourceLost(long nowMs, string why)
        {
            if (_state != BridgeState.Ambiguous)
            {
                _latest = null;
                Enter(BridgeState.SourceLost, nowMs, why);
            }
        }

        /// <summary>
        /// Builds the next frame into <paramref name="buffer"/> and returns its length, or 0 when the bridge must
        /// stay silent. Call once per frame period.
        /// </summary>
        public int BuildFrame(long nowMs, DateTimeOffset nowUtc, byte[] buffer)
        {
            if (_state == BridgeState.Forwarding && nowMs - _latestAtMs > _policy.SourceTimeoutMs)
            {
                _latest = null;
                Enter(BridgeState.SourceLost, nowMs, $"no report for {_policy.SourceTimeoutMs} ms");
            }
            SourceReport? r = _latest;
            if (_state != BridgeState.Forwarding || r == null)
            {
                return 0;
            }
            _v.Clear();
            _v.MonitorId = _monitorId;
            _v.Boot = _boot;
            _v.SourceId = r.SourceId;
            _v.SetBedLabel(AsciiLabel(r.BedLabel));
            foreach (Measurement m in r.Measurements)
            {
                Apply(m, nowUtc);
            }
            if (_sequence == uint.MaxValue)
            {
                Enter(BridgeState.SourceLost, nowMs, "sequence exhausted: restart the bridge for a new boot number");
                return 0;
            }
            _v.Sequence = ++_sequence;
            int n = MonitorFrameEncoder.EncodeVitals(_v, _mac, buffer, 0);
            if (n == 0)
            {
                _log.Write(nowMs, "encode", "frame refused by the encoder: nothing sent");
                return 0;
            }
            FramesSent++;
            return n;
        }

        private void Apply(Measurement m, DateTimeOffset nowUtc)
        {
            if (m.Status != ValueStatusCode.Valid)
            {
                SetStatus(m.Kind, m.Status);
                return;
            }
            if (m.MeasuredAt is not DateTimeOffset at)
            {
                return; // no time, no age: stays unavailable
            }
            long ageMs = (long)Math.Floor((nowUtc - at).TotalMilliseconds);
            if (ageMs < 0)
            {
                ageMs = 0; // within the accepted skew (CheckClock refused more)
            }
            bool continuous = m.Kind != VitalKind.Nibp;
            if ((continuous && ageMs > _policy.MaxContinuousAgeMs) || ageMs > MonitorFrameFormat.MaxAgeMs)
            {
                return;
            }
            switch (m.Kind)
            {
                case VitalKind.HeartRate when InRange(m.Value, MonitorFrameFormat.HeartRateMinBpm, MonitorFrameFormat.HeartRateMaxBpm):
                    _v.HeartRateBpm = m.Value;
                    _v.HeartRateAgeMs = ageMs;
                    _v.AvailableFlags |= VitalSigns.AvailHeartRate;
                    break;
                case VitalKind.Spo2 when InRange(m.Value, MonitorFrameFormat.Spo2MinPercent, MonitorFrameFormat.Spo2MaxPercent):
                    _v.Spo2Percent = m.Value;
                    _v.Spo2AgeMs = ageMs;
                    _v.AvailableFlags |= VitalSigns.AvailSpo2;
                    break;
                case VitalKind.RespiratoryRate when InRange(m.Value, MonitorFrameFormat.RespRateMinPerMin, MonitorFrameFormat.RespRateMaxPerMin):
                    _v.RespiratoryRatePerMin = m.Value;
                    _v.RespiratoryRateAgeMs = ageMs;
                    _v.AvailableFlags |= VitalSigns.AvailRespiratoryRate;
                    break;
                case VitalKind.Nibp when NibpPlausible(m):
                    _v.SystolicMmHg = m.Value;
                    _v.DiastolicMmHg = m.Diastolic;
                    _v.MeanMmHg = m.Mean;
                    _v.NibpAgeMs = ageMs;
                    _v.NibpReadingNumber = (int)((m.SourceStampS ?? at.ToUnixTimeSeconds()) & 0xFFFF);
                    _v.AvailableFlags |= VitalSigns.AvailNibp;
                    break;
            }
        }

        private void SetStatus(VitalKind kind, ValueStatusCode status)
        {
            switch (kind)
            {
                case VitalKind.HeartRate when status == ValueStatusCode.SensorOff:
                    _v.StatusFlags |= VitalSigns.StatusEcgLeadsOff;
                    break;
                case VitalKind.Spo2 when status == ValueStatusCode.SensorOff:
                    _v.StatusFlags |= VitalSigns.StatusSpo2ProbeOff;
                    break;
                case VitalKind.Spo2 when status == ValueStatusCode.Artefact:
                    _v.StatusFlags |= VitalSigns.StatusSpo2Artifact;
                    break;
                case VitalKind.Nibp when status is ValueStatusCode.MeasurementError or ValueStatusCode.SensorOff or ValueStatusCode.Artefact:
                    _v.StatusFlags |= VitalSigns.StatusNibpCuffError;
                    break;
            }
        }

        private string? CheckIdentity(SourceReport r)
        {
            if (r.SourceId == 0)
            {
                return "report without a source id";
            }
            if (AsciiLabel(r.BedLabel).Length == 0)
            {
                return "report without a bed label";
            }
            if (_policy.ExpectedBedLabel != null && !string.Equals(_policy.ExpectedBedLabel, r.BedLabel, StringComparison.Ordinal))
            {
                return $"bed label '{r.BedLabel}' is not the commissioned '{_policy.ExpectedBedLabel}'";
            }
            if (_policy.ExpectedSourceId != 0 && _policy.ExpectedSourceId != r.SourceId)
            {
                return $"source {r.SourceId:X16} is not the commissioned {_policy.ExpectedSourceId:X16}";
            }
            if (_pinnedBed == null)
            {
                return null;
            }
            if (r.SourceId != _pinnedSource)
            {
                return $"source changed from {_pinnedSource:X16} to {r.SourceId:X16}";
            }
            if (!string.Equals(r.BedLabel, _pinnedBed, StringComparison.Ordinal))
            {
                return $"bed label changed from '{_pinnedBed}' to '{r.BedLabel}'";
            }
            if (!string.Equals(r.PatientId, _pinnedPatient, StringComparison.Ordinal))
            {
                return $"patient changed from '{_pinnedPatient}' to '{r.PatientId}'";
            }
            return null;
        }

        private string? CheckClock(SourceReport r, DateTimeOffset nowUtc)
        {
            if (r.SentAt is DateTimeOffset sent && Math.Abs((sent - nowUtc).TotalMilliseconds) > _policy.MaxClockSkewMs)
            {
                return $"source clock {sent:O} is {(sent - nowUtc).TotalSeconds:0.0} s from the bridge's";
            }
            foreach (Measurement m in r.Measurements)
            {
                if (m.MeasuredAt is DateTimeOffset at && (at - nowUtc).TotalMilliseconds > _policy.MaxClockSkewMs)
                {
                    return $"{m.Kind} time stamp {at:O} lies in the future";
                }
            }
            return null;
        }

        private void Latch(long nowMs, string why)
        {
            ReportsRefused++;
            _latest = null;
            Enter(BridgeState.Ambiguous, nowMs, why);
        }

        private void Refuse(long nowMs, string why)
        {
            ReportsRefused++;
            _log.Write(nowMs, "refused", why);
        }

        private void Enter(BridgeState state, long nowMs, string why)
        {
            if (state == _state && why == StateReason)
            {
                return;
            }
            _log.Write(nowMs, "state", $"{_state} -> {state}: {why}" + (state == BridgeState.Forwarding ? string.Empty : " (silent: the pump's lease will lapse)"));
            _state = state;
            StateReason = why;
        }

        private static bool InRange(int v, int min, int max) => v >= min && v <= max;

        private static bool NibpPlausible(Measurement m) =>
            InRange(m.Value, MonitorFrameFormat.SystolicMinMmHg, MonitorFrameFormat.SystolicMaxMmHg)
            && InRange(m.Diastolic, MonitorFrameFormat.DiastolicMinMmHg, MonitorFrameFormat.DiastolicMaxMmHg)
            && m.Diastolic < m.Value && (m.Mean == 0 || (m.Mean >= m.Diastolic && m.Mean <= m.Value));

        /// <summary>The label as the link carries it: printable ASCII, at most 16 characters.</summary>
        public static string AsciiLabel(string label)
        {
            var sb = new StringBuilder();
            foreach (char c in label.Trim())
            {
                if (sb.Length == VitalSigns.BedLabelLength)
                {
                    break;
                }
                sb.Append(c >= 0x20 && c <= 0x7E ? c : '?');
            }
            return sb.ToString();
        }
    }
}
