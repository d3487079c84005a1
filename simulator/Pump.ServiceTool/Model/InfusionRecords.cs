using System;
using System.Collections.Generic;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Records;

namespace Pump.ServiceTool.Model
{
    /// <summary>One past session's stored dose, from read-sessions.</summary>
    public sealed record SessionEntry(long StartUtcSeconds, long DoseUg, int DrugId, bool Final);

    /// <summary>The vital signs logged with an event (null = not available at that moment).</summary>
    public sealed record EventVitalSigns(int? SystolicMmHg, int? DiastolicMmHg, int? HeartRateBpm, int? Spo2Percent, int? RespiratoryRatePerMin)
    {
        public static EventVitalSigns Unpack(int pressure, int rates)
        {
            static int? Value(int v) => v == 0 ? null : v;
            return new EventVitalSigns(Value((pressure >> 16) & 0xFFFF), Value(pressure & 0xFFFF), Value((rates >> 16) & 0x7FFF),
                Value((rates >> 8) & 0xFF), Value(rates & 0xFF));
        }
    }

    /// <summary>Something that happened during a session, with the log's time stamps and the vitals of that moment.</summary>
    public sealed record SessionEvent(long Sequence, long? UtcSeconds, string Kind, string What)
    {
        public EventVitalSigns? Vitals { get; init; }
    }

    /// <summary>
    /// Rebuilds each session's record from the event log (no second store): the program confirmed before it
    /// with its overrides and the library in force, its start and end, holds, stops, alarms and power losses,
    /// the delivered volume logged when delivery stopped, and the final dose from the session history.
    /// </summary>
    public static class InfusionRecords
    {
        public static List<InfusionRecord> Build(IReadOnlyList<LogEntry> log, IReadOnlyList<SessionEntry> sessions)
        {
            var records = new List<InfusionRecord>();
            uint? library = null;
            long? programVolumeUl = null;
            var overrides = new List<SessionEvent>();
            InfusionRecord? current = null;
            int lastCode = 0;
            bool lastAddedAnEvent = false;
            foreach (LogEntry e in log)
            {
                if (e.Code == PumpEvent.VitalsAtEvent)
                {
                    AttachVitals(current, lastCode, lastAddedAnEvent, EventVitalSigns.Unpack(e.Arg0, e.Arg1));
                    continue;
                }
                lastCode = e.Code;
                int eventsBefore = current?.Events.Count ?? 0;
                InfusionRecord? before = current;
                Apply(e);
                lastAddedAnEvent = current != null && current == before && current.Events.Count > eventsBefore;
            }
            JoinDoses(records, sessions);
            return records;

            void Apply(LogEntry e)
            {
                switch (e.Code)
                {
                    case PumpEvent.LibraryLoaded:
                    case PumpEvent.LibraryInstalled:
                        library = (uint)e.Arg0;
                        break;
                    case PumpEvent.ProgramConfirmed:
                        programVolumeUl = e.Arg1;
                        overrides = [];
                        break;
                    case PumpEvent.SoftLimitOverride:
                        overrides.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "soft-limit-override",
                            LimitName(e.Arg0) + " confirmed at " + e.Arg1));
                        break;
                    case PumpEvent.SessionSpacingOverride:
                        overrides.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "session-spacing-override",
                            e.Arg0 + " s since the last session, " + e.Arg1 + " sessions in the window"));
                        break;
                    case PumpEvent.SessionStarted:
                        current = new InfusionRecord
                        {
                            StartSequence = e.Sequence,
                            StartUtcSeconds = e.UtcSeconds,
                            DrugId = e.Arg0,
                            LibraryRevision = library,
                            ProgrammedVolumeUl = programVolumeUl,
                            BaselineSystolicMmHg = e.Arg1 > 0 ? e.Arg1 : null,
                            SoftLimitOverrides = overrides,
                        };
                        overrides = [];
                        records.Add(current);
                        break;
                    case PumpEvent.PatientIdentified when current != null:
                        current.SetPatient(e.Arg0, e.Arg1);
                        break;
                    case PumpEvent.ProgramDetail when current != null:
                        current.SetDetail(e.Arg0, e.Arg1);
                        break;
                    case PumpEvent.DrugNamePart when current != null:
                        current.AddNamePart(e.Arg0, e.Arg1);
                        break;
                    case PumpEvent.AlarmRaised when current != null:
                        current.Events.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "alarm", AlarmName(e.Arg0)));
                        break;
                    case PumpEvent.DeliveryStopped when current != null:
                        current.DeliveredUl = e.Arg1;
                        break;
                    case PumpEvent.PowerOn when current != null && e.Arg0 == 1:
                        current.Events.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "power-loss", "delivery interrupted; " + e.Arg1 + " uL recorded"));
                        break;
                    case PumpEvent.Transition when current != null:
                        Transition(current, e);
                        break;
                    case PumpEvent.RateTitrated when current != null:
                        // A titration's soft-limit overrides are logged just before it: they belong to this session.
                        current.SoftLimitOverrides.AddRange(overrides);
                        overrides = [];
                        current.Events.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "rate-titrated", TitratedRates(e.Arg0, e.Arg1)));
                        break;
                    case PumpEvent.TitrationRefused when current != null:
                        current.Events.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "titration-refused", LimitName(e.Arg0) + " " + e.Arg1 + " beyond a hard limit"));
                        break;
                    case PumpEvent.TitratedRateRestored when current != null:
                        current.Events.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "titrated-rate-restored", "after a reset, at " + e.Arg0));
                        break;
                }
            }
        }

        /// <summary>The vitals entry follows its event: it belongs to the session start or to the event just recorded.</summary>
        private static void AttachVitals(InfusionRecord? r, int eventCode, bool eventAdded, EventVitalSigns vitals)
        {
            if (r == null)
            {
                return;
            }
            if (eventCode == PumpEvent.SessionStarted && r.StartVitals == null && r.Events.Count == 0)
            {
                r.StartVitals = vitals;
                return;
            }
            if (eventAdded && r.Events[^1].Vitals == null)
            {
                r.Events[^1] = r.Events[^1] with { Vitals = vitals };
            }
        }

        private static void Transition(InfusionRecord r, LogEntry e)
        {
            var to = (PumpState)e.Arg1;
            var trigger = (PumpTrigger)(e.Arg0 & 0xFF);
            if (trigger == PumpTrigger.ConfirmTitration)
            {
                return; // the rate-titrated entry says what changed
            }

            switch (to)
            {
                case PumpState.InterlockHold:
                case PumpState.Paused:
                case PumpState.Alarm:
                    r.Events.Add(new SessionEvent(e.Sequence, e.UtcSeconds, to == PumpState.Alarm ? "stop" : "hold", to + " (" + trigger + ")"));
                    break;
                case PumpState.Infusing:
                    r.Events.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "infusing", trigger.ToString()));
                    break;
                case PumpState.Stopped:
                case PumpState.Completed:
                    if (r.Outcome == "open")
                    {
                        r.Outcome = to == PumpState.Completed ? "completed" : "stopped";
                        r.EndUtcSeconds = e.UtcSeconds;
                        r.Events.Add(new SessionEvent(e.Sequence, e.UtcSeconds, "end", to + " (" + trigger + ")"));
                    }
                    break;
            }
        }

        /// <summary>The history keeps each session's dose by start time; the oldest records may have left the history.</summary>
        private static void JoinDoses(List<InfusionRecord> records, IReadOnlyList<SessionEntry> sessions)
        {
            foreach (InfusionRecord r in records)
            {
                foreach (SessionEntry s in sessions)
                {
                    if (s.DrugId == r.DrugId && r.StartUtcSeconds is long start && s.StartUtcSeconds == start)
                    {
                        r.DeliveredUg = s.DoseUg;
                        r.DoseFinal = s.Final;
                        break;
                    }
                }
            }
        }

        /// <summary>"0.750 -> 0.500": mg/kg/h from the log's µg/kg/h, or mL/h from µL/h for a plain mL/h program.</summary>
        private static string TitratedRates(int oldRate, int newRate) =>
            (oldRate / 1000.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " -> "
            + (newRate / 1000.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " (mg/kg/h; mL/h for a plain mL/h program)";

        private static string AlarmName(int code) => Enum.IsDefined(typeof(AlarmCode), code) ? ((AlarmCode)code).ToString() : "alarm-" + code;

        private static string LimitName(int kind) => kind >= 0 && kind <= 255 && Enum.IsDefined(typeof(LimitKind), (byte)kind)
            ? ((LimitKind)kind).ToString() : "limit-" + kind;
    }
}
