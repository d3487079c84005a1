namespace Pump.Core.Link
{
    /// <summary>
    /// A vital sign's own status as the source monitor reported it (one byte per value on the wire).
    /// Only <see cref="Valid"/> carries a number; every other status carries 0, so a bridge can never pass
    /// on a value the monitor itself marked unusable. Numeric values are stable (wire format).
    /// </summary>
    public static class ValueStatus
    {
        /// <summary>A current measurement the monitor stands behind.</summary>
        public const int Valid = 0;

        /// <summary>Not measured or not reported by the source (missing stays missing).</summary>
        public const int Unavailable = 1;

        /// <summary>The sensor is off the patient: SpO2 probe off, ECG leads off.</summary>
        public const int SensorOff = 2;

        /// <summary>The monitor flags the value questionable or artefact-laden.</summary>
        public const int Artefact = 3;

        /// <summary>The measurement failed (for NIBP: a cuff error).</summary>
        public const int MeasurementError = 4;

        /// <summary>Highest status a frame may carry; anything above is implausible.</summary>
        public const int MaxKnown = MeasurementError;
    }
}
