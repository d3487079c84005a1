using System;
using System.Collections.Generic;
using System.Globalization;
using Pump.Bridge.Model;

namespace Pump.Bridge.Pcd01
{
    /// <summary>Outcome of decoding one PCD-01 message: the report (or null) and the HL7 acknowledgement code.</summary>
    public sealed record Pcd01Result(SourceReport? Report, string AckCode, string ControlId, string Error);

    /// <summary>
    /// Decodes IHE PCD-01 "Communicate PCD Data" (HL7 v2.6 ORU^R01 with IEEE 11073-10101 codes) into a
    /// <see cref="SourceReport"/>. Each value takes its own OBX-14 time (else its group's OBR-7); a value with
    /// no time zone, no time, an unknown unit or a status other than F/R is reported as not valid, never
    /// guessed. Two patients or two device EUI-64s in one message make the report ambiguous.
    /// </summary>
    public static class Pcd01Decoder
    {
        public const string Accept = "AA";
        public const string Error = "AE";
        public const string Reject = "AR";

        public static Pcd01Result Decode(string text)
        {
            Hl7Message? m = Hl7Message.Parse(text, out string parseError);
            if (m == null)
            {
                return new Pcd01Result(null, Reject, string.Empty, parseError);
            }
            string[] msh = m.First("MSH")!;
            string controlId = Hl7Message.Field(msh, 10);
            if (m.Component(msh, 9, 1) != "ORU" || m.Component(msh, 9, 2) != "R01")
            {
                return new Pcd01Result(null, Reject, controlId, $"message type '{Hl7Message.Field(msh, 9)}' is not ORU^R01");
            }
            if (!Hl7Message.Field(msh, 12).StartsWith("2.", StringComparison.Ordinal))
            {
                return new Pcd01Result(null, Reject, controlId, $"HL7 version '{Hl7Message.Field(msh, 12)}' is not 2.x");
            }
            if (!Hl7Time.TryParse(Hl7Message.Field(msh, 7), out DateTimeOffset sentAt, out string timeError))
            {
                return new Pcd01Result(null, Error, controlId, "MSH-7: " + timeError);
            }

            string patient = PatientId(m, out string? patientAmbiguity);
            string bed = BedLabel(m, msh);
            ulong source = SourceId(m, msh, out string? sourceAmbiguity);
            var report = new SourceReport(source, bed, patient, sentAt) { Ambiguity = patientAmbiguity ?? sourceAmbiguity };
            ReadObservations(m, report);
            return new Pcd01Result(report, Accept, controlId, string.Empty);
        }

        /// <summary>The HL7 acknowledgement (MSA-1 code, MSA-2 the message's control id), segments ending in CR.</summary>
        public static string Ack(Pcd01Result result, DateTimeOffset now)
        {
            string text = result.Error.Replace('|', '/').Replace('^', ' ').Replace('\r', ' ');
            return "MSH|^~\\&|MONITOR_BRIDGE|PUMP|||" + Hl7Time.Format(now) + "||ACK^R01^ACK|A" + result.ControlId + "|P|2.6\r"
                + $"MSA|{result.AckCode}|{result.ControlId}" + (text.Length > 0 ? "|" + text : string.Empty) + "\r";
        }

        private static string PatientId(Hl7Message m, out string? ambiguity)
        {
            ambiguity = null;
            string? id = null;
            foreach (string[] s in m.Segments)
            {
                if (s[0] != "PID")
                {
                    continue;
                }
                string next = m.Text(s, 3, 1);
                if (id != null && next != id)
                {
                    ambiguity = $"two patients in one message ('{id}' and '{next}')";
                }
                id ??= next;
            }
            return id ?? string.Empty;
        }

        private static string BedLabel(Hl7Message m, string[] msh)
        {
            string[]? pv1 = m.First("PV1");
            if (pv1 != null)
            {
                var parts = new List<string>();
                for (int c = 1; c <= 3; c++)
                {
                    string p = m.Text(pv1, 3, c);
                    if (p.Length > 0)
                    {
                        parts.Add(p);
                    }
                }
                if (parts.Count > 0)
                {
                    return string.Join(" ", parts);
                }
            }
            return m.Text(msh, 3, 1);
        }

        private static ulong SourceId(Hl7Message m, string[] msh, out string? ambiguity)
        {
            ambiguity = null;
            ulong found = 0;
            foreach (string[] s in m.Segments)
            {
                if (s[0] != "OBX")
                {
                    continue;
                }
                ulong id = ParseEui64(m.Component(s, 18, 1));
                if (id == 0)
                {
                    continue;
                }
                if (found != 0 && id != found)
                {
                    ambiguity = $"two devices in one message ({found:X16} and {id:X16})";
                }
                if (found == 0)
                {
                    found = id;
                }
            }
            return found != 0 ? found : ParseEui64(m.Component(msh, 3, 2));
        }

        private static ulong ParseEui64(string text) =>
            text.Length == 16 && ulong.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong v) ? v : 0;

        private sealed class Slot
        {
            public MdcCodes.Entry? Entry;
            public Measurement? Value;
        }

        private static void ReadObservations(Hl7Message m, SourceReport report)
        {
            var best = new Dictionary<(VitalKind, string), Slot>();
            string groupTime = string.Empty;
            foreach (string[] s in m.Segments)
            {
                if (s[0] == "OBR")
                {
                    groupTime = Hl7Message.Field(s, 7);
                    continue;
                }
                if (s[0] != "OBX" || Hl7Message.Field(s, 2) != "NM"
                    || !int.TryParse(m.Component(s, 3, 1), NumberStyles.None, CultureInfo.InvariantCulture, out int code))
                {
                    continue;
                }
                MdcCodes.Entry? e = MdcCodes.Find(code);
                if (e == null)
                {
                    continue;
                }
                Measurement value = ReadValue(m, s, e, groupTime);
                var key = (e.Kind, e.Role);
                if (!best.TryGetValue(key, out Slot? slot) || e.Rank < slot.Entry!.Rank
                    || (e.Rank == slot.Entry.Rank && slot.Value!.Status != ValueStatusCode.Valid && value.Status == ValueStatusCode.Valid))
                {
                    best[key] = new Slot { Entry = e, Value = value };
                }
                else if (e.Rank == slot.Entry.Rank && value.Status == ValueStatusCode.Valid && slot.Value!.Status == ValueStatusCode.Valid
                    && value.Value != slot.Value.Value)
                {
                    slot.Value = Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"conflicting {e.Name} values in one message");
                }
            }

            foreach (VitalKind kind in new[] { VitalKind.HeartRate, VitalKind.Spo2, VitalKind.RespiratoryRate })
            {
                if (best.TryGetValue((kind, "value"), out Slot? slot))
                {
                    report.Measurements.Add(slot.Value!);
                }
            }
            if (best.TryGetValue((VitalKind.Nibp, "systolic"), out Slot? sys))
            {
                report.Measurements.Add(CombineNibp(sys.Value!, best.GetValueOrDefault((VitalKind.Nibp, "diastolic"))?.Value,
                    best.GetValueOrDefault((VitalKind.Nibp, "mean"))?.Value));
            }
        }

        private static Measurement CombineNibp(Measurement sys, Measurement? dia, Measurement? mean)
        {
            if (sys.Status != ValueStatusCode.Valid)
            {
                return sys;
            }
            if (dia == null || dia.Status != ValueStatusCode.Valid || dia.MeasuredAt != sys.MeasuredAt)
            {
                return Measurement.Missing(VitalKind.Nibp, ValueStatusCode.Unavailable, "no diastolic of the same cuff reading");
            }
            bool meanOk = mean != null && mean.Status == ValueStatusCode.Valid && mean.MeasuredAt == sys.MeasuredAt;
            return sys with { Diastolic = dia.Value, Mean = meanOk ? mean!.Value : 0 };
        }

        private static Measurement ReadValue(Hl7Message m, string[] s, MdcCodes.Entry e, string groupTime)
        {
            string status = Hl7Message.Field(s, 11);
            if (status == "X")
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{e.Name}: the monitor cannot obtain it (OBX-11 X)");
            }
            if (status != "F" && status != "R")
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{e.Name}: result status '{status}' is not final or entered");
            }
            if (!MdcCodes.UnitAccepted(e.Kind, m.Component(s, 6, 1), m.Component(s, 6, 1)))
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{e.Name}: unit '{Hl7Message.Field(s, 6)}' is not the one the pump uses");
            }
            if (!decimal.TryParse(Hl7Message.Field(s, 5), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number)
                || number > 10000)
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{e.Name}: value '{Hl7Message.Field(s, 5)}' is not a number");
            }
            string time = Hl7Message.Field(s, 14);
            if (time.Length == 0)
            {
                time = groupTime;
            }
            if (time.Length == 0)
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{e.Name}: no observation time (OBX-14 or OBR-7)");
            }
            if (!Hl7Time.TryParse(time, out DateTimeOffset at, out string timeError))
            {
                return Measurement.Missing(e.Kind, ValueStatusCode.Unavailable, $"{e.Name}: {timeError}");
            }
            return new Measurement(e.Kind, (int)Math.Round(number, MidpointRounding.AwayFromZero), ValueStatusCode.Valid, at)
            {
                SourceStampS = at.ToUnixTimeSeconds(),
            };
        }
    }
}
