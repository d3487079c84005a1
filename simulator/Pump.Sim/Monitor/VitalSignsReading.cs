namespace Pump.Sim.Monitor
{
    /// <summary>One reading the monitor sends. Integers in the units the monitor reports.</summary>
    public struct VitalSignsReading
    {
        /// <summary>Monitor's own time of the reading, ms.</summary>
        public long TimeMs;

        /// <summary>Identity the monitor was paired with (a different value is a wrong monitor).</summary>
        public int MonitorId;

        public int Sequence;

        public int HrBpm;

        public int Spo2Pct;

        public int RrPerMin;

        /// <summary>True when this reading carries a fresh non-invasive blood pressure.</summary>
        public bool HasBloodPressure;

        public int SbpMmHg;

        public int DbpMmHg;

        /// <summary>SpO2 probe off the finger: SpO2 (and pulse rate from it) not valid.</summary>
        public bool ProbeOff;
    }
}
