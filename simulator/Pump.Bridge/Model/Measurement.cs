using System;
using Pump.Core.Link;

namespace Pump.Bridge.Model
{
    /// <summary>
    /// One value as the source reported it: the number(s), the source's own status for it (a
    /// <see cref="ValueStatus"/> code) and when the source says it was measured. A value without a
    /// measurement time cannot be aged and is never forwarded as valid.
    /// </summary>
    public sealed record Measurement(VitalKind Kind, int Value, ValueStatusCode Status, DateTimeOffset? MeasuredAt)
    {
        /// <summary>NIBP only: diastolic and mean (systolic is <see cref="Value"/>).</summary>
        public int Diastolic { get; init; }

        public int Mean { get; init; }

        /// <summary>
        /// The source's own identity of this measurement in whole seconds of the source's clock (PCD-01: its OBX-14
        /// time; IntelliVue: its relative time stamp), exact and free of transit jitter, so a cuff reading keeps one
        /// reading number however often it is forwarded. Null when the source gives none.
        /// </summary>
        public long? SourceStampS { get; init; }

        /// <summary>Why the value is not valid (for the log); empty when valid.</summary>
        public string Note { get; init; } = string.Empty;

        public static Measurement Missing(VitalKind kind, ValueStatusCode status, string note) =>
            new(kind, 0, status, null) { Note = note };
    }

    /// <summary>The link's per-value status codes, as an enum for the desktop side.</summary>
    public enum ValueStatusCode
    {
        Valid = ValueStatus.Valid,
        Unavailable = ValueStatus.Unavailable,
        SensorOff = ValueStatus.SensorOff,
        Artefact = ValueStatus.Artefact,
        MeasurementError = ValueStatus.MeasurementError,
    }
}
