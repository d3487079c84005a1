using System;
using System.Collections.Generic;

namespace Pump.Bridge.Model
{
    /// <summary>
    /// What one message or poll from the source said: who sent it (source id, bed label, patient id) and the
    /// values it carried. A report that names more than one patient or source is ambiguous and is refused whole.
    /// </summary>
    public sealed class SourceReport
    {
        public SourceReport(ulong sourceId, string bedLabel, string patientId, DateTimeOffset? sentAt)
        {
            SourceId = sourceId;
            BedLabel = bedLabel;
            PatientId = patientId;
            SentAt = sentAt;
        }

        /// <summary>The source monitor's identity (EUI-64 for PCD-01, the configured id for IntelliVue).</summary>
        public ulong SourceId { get; }

        public string BedLabel { get; }

        /// <summary>Patient identifier (PID-3), empty when the source does not send one.</summary>
        public string PatientId { get; }

        /// <summary>The source's clock when it built the message (MSH-7, or the poll's absolute time), if known.</summary>
        public DateTimeOffset? SentAt { get; }

        public List<Measurement> Measurements { get; } = new();

        /// <summary>Set when the message itself is contradictory (two patients, two sources): the report must not be used.</summary>
        public string? Ambiguity { get; set; }
    }
}
