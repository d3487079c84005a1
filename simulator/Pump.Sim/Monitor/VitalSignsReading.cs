namespace Pump.Sim.Monitor
{
    /// <summary>One reading the monitor sends. Integers in the units the monitor reports.</summary>
    public struct VitalSignsReading
    {
        /// <summary>Monitor's own time of the reading, ms.</summary>
        public long TimeMs;

        /// <summary>Identity the frame carries (the paired id, or another when a wrong monitor is simulated).</summary>
        public uint MonitorId;

        /// <summary>The sender's boot number (counts up at each restart).</summary>
        public uint Boot;

        public uint Sequence;

        public int HrBpm;

        public int Spo2Pct;

        public int RrPerMin;

        /// <summary>True once the monitor has any cuff reading to report.</summary>
        public bool NibpAvailable;

        /// <summary>True when this frame is the first to carry a new cuff reading.</summary>
        public bool NewBloodPressure;

        public int SbpMmHg;

        public int DbpMmHg;

        /// <summary>Age of the cuff reading when sent, ms.</summary>
        public long NibpAgeMs;

        /// <summary>Age of the cuff reading when sent, whole seconds.</summary>
        public int NibpAgeS => (int)(NibpAgeMs / 1000);

        /// <summary>The monitor's cuff-reading counter.</summary>
        public int NibpReadingNumber;

        /// <summary>SpO2 probe off the finger: SpO2 not available.</summary>
        public bool ProbeOff;
    }
}
