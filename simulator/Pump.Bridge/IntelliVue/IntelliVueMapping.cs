using System;
using System.Collections.Generic;
using Pump.Bridge.Model;

namespace Pump.Bridge.IntelliVue
{
    /// <summary>
    /// Turns a poll result's numerics into a <see cref="SourceReport"/>. A value the monitor flags invalid,
    /// questionable, unavailable, in calibration, test or demo data, a special FLOAT or a wrong unit is not valid
    /// (SpO2 questionable is reported as artefact). Each value's time is its own relative time stamp when the
    /// monitor sends one; otherwise a periodic value is taken as measured at the poll, and NIBP (episodic) without
    /// a time stamp is not forwarded: its age would be a guess.
    /// </summary>
    public static class IntelliVueMapping
    {
        public sealed record Entry(int PhysioId, VitalKind Kind, string Role, int Unit, int Rank);

        public static readonly Entry[] Table =
        {
            new(DataExport.NomEcgCardBeatRate, VitalKind.HeartRate, "value", DataExport.DimBeatPerMin, 0),
            new(DataExport.NomPlethPulsRate, VitalKind.HeartRate, "value", DataExport.DimBeatPerMin, 1),
            new(DataExport.NomPulsOximSatO2, VitalKind.Spo2, "value", DataExport.DimPercent, 0),
            new(DataExport.NomRespRate, VitalKind.RespiratoryRate, "value", DataExport.DimRespPerMin, 0),
            new(DataExport.NomAwayRespRate, VitalKind.RespiratoryRate, "value", DataExport.DimRespPerMin, 1),
            new(DataExport.NomPressBldNonInvSys, VitalKind.Nibp, "systolic", DataExport.DimMmHg, 0),
            new(DataExport.NomPressBldNonInvDia, VitalKind.Nibp, "diastolic", DataExport.DimMmHg, 0),
            new(DataExport.NomPressBldNonInvMean, VitalKind.Nibp, "mean", DataExport.DimMmHg, 0),
        };

        /// <param name="receivedAt">Bridge UTC when the poll result arrived (the result's relative time).</param>
        public static SourceReport ToReport(PollResult poll, DateTimeOffset receivedAt, ulong sourceId, string bedLabel)
        {
            var report = new SourceReport(sourceId, bedLabel, string.Empty, null);
            var best = new Dictionary<(VitalKind, string), (Entry Entry, Measurement Value)>();
            foreach (IntelliVueNumeric n in poll.Numerics)
            {
                Entry? e = Array.Find(Table, t => t.PhysioId == n.PhysioId);
                if (e == null)
                {
                    continue;
                }
                Measurement m = ToMeasurement(e, n, poll.RelativeTime, receivedAt);
                var key = (e.Kind, e.Role);
                if (!best.TryGetValue(key, out var held) || e.Rank < held.Entry.Rank
                    || (e.Rank == held.Entry.Rank && held.Value.Status != ValueStatusCode.Valid && m.Status == ValueStatusCode.Valid))
                {
                    best[key] = (e, m);
                }
            }
            foreach (VitalKind kind in new[] { VitalKind.HeartRate, VitalKind.Spo2, VitalKind.RespiratoryRate })
            {
                if (best.TryGetValue((kind, "value"), out var v))
                {
                    report.Measurements.Add(v.Value);
                }
            }
            if (best.TryGetValue((VitalKind.Nibp, "systolic"), out var sys))
            {
                Measurement s = sys.Value;
                if (s.Status == ValueStatusCode.Valid)
                {
                    Measurement? dia = best.TryGetValue((VitalKind.Nibp, "diastolic"), out var d) ? d.Value : null;
                    Measurement? mean = best.TryGetValue((VitalKind.Nibp, "mean"), out var mm) ? mm.Value : null;
                    s = dia != null && dia.Status == ValueStatusCode.Valid && dia.MeasuredAt == s.MeasuredAt
                        ? s with { Diastolic = dia.Value, Mean = mean != null && mean.Status == ValueStatusCode.Valid && mean.MeasuredAt == s.MeasuredAt ? mean.Value : 0 }
                        : Measurement.Missing(VitalKind.Nibp, ValueStatusCode.Unavailable, "no diastolic of the same cuff reading");
                }
                report.Measurements.Add(s);
            }
            return report;
        }

        private static Measurement ToMeasurement(Entry e, IntelliVueNumeric n, uint pollRelative, DateTimeOffset receivedAt)
        {
            string name = $"0x{n.PhysioId:X4}";
            if ((n.State & DataExport.StateUnusableMask) != 0)
            {
                ValueStatusCode status = e.Kind == VitalKind.Spo2 && (n.State & DataExport.StateQuestionable) != 0 && (n.State & (DataExport.StateInvalid | DataExport.StateUnavailable)) == 0
                    ? ValueStatusCode.Artefact
                    : e.Kind == VitalKind.Nibp && (n.State & DataExport.StateInvalid) != 0 ? ValueStatusCode.MeasurementError : ValueStatusCode.Unavailable;
                return Measurement.Missing(e.Kind, status, $"{name}: measurement state 0x{n.State:X4}");
            }
            if (n.Unit != e.Unit)
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{name}: unit 0x{n.Unit:X4} is not 0x{e.Unit:X4}");
            }
            if (n.Value is not double value)
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{name}: no numeric value (special FLOAT 0x{n.RawValue:X8})");
            }
            DateTimeOffset measuredAt;
            long? sourceStampS = null;
            if (n.RelativeTime is uint stamp)
            {
                // Relative times are u32 ticks of 1/8 ms that wrap after 6.2 days: the unsigned difference handles the wrap.
                uint ticks = unchecked(pollRelative - stamp);
                measuredAt = receivedAt - TimeSpan.FromMilliseconds(ticks / (double)DataExport.TicksPerMs);
                sourceStampS = stamp / (DataExport.TicksPerMs * 1000L);
            }
            else if (e.Kind == VitalKind.Nibp)
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{name}: cuff reading without a time stamp");
            }
            else
            {
                measuredAt = receivedAt;
            }
            return new Measurement(e.Kind, (int)Math.Round(value, MidpointRounding.AwayFromZero), ValueStatusCode.Valid, measuredAt)
            {
                SourceStampS = sourceStampS,
            };
        }
    }
}
