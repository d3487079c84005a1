namespace Pump.Sim.Running
{
    /// <summary>Delivered volume every 30 s, as a balance under the line would record it.</summary>
    public struct VolumeSample
    {
        public long TimeMs;
        /// <summary>Fluid out of the line (balance), mL.</summary>
        public double DeliveredMl;
        /// <summary>Volume pushed out of the barrel (plunger travel × bore), mL.</summary>
        public double PlungerMl;
        /// <summary>What the programme should have delivered by now, mL.</summary>
        public double ProgrammedMl;
        /// <summary>Mean rate over the last sample interval, mL/h.</summary>
        public double RateMlPerHour;
        public double PressureKPa;
    }

    /// <summary>One monitor reading as sent, with the patient's true state for comparison.</summary>
    public struct VitalsSample
    {
        public long TimeMs;
        public int HrBpm;
        public int Spo2Pct;
        public int RrPerMin;
        /// <summary>The last blood pressure the monitor sent (held between NIBP cycles).</summary>
        public int SbpMmHg;
        public int DbpMmHg;
        public bool NewBloodPressure;
        public bool ProbeOff;
        public bool WrongMonitor;
        public bool LinkDown;
        public double CpNgPerMl;
        public double CeNgPerMl;
        public double TrueSbpMmHg;
    }

    /// <summary>A line of events.jsonl.</summary>
    public sealed class SimEvent
    {
        public SimEvent(long atMs, string kind, string detail)
        {
            AtMs = atMs;
            Kind = kind;
            Detail = detail;
        }

        public long AtMs { get; }
        public string Kind { get; }
        public string Detail { get; }
    }

    /// <summary>An alarm the pump raised.</summary>
    public sealed class AlarmRecord
    {
        public long AtMs { get; init; }
        public string Code { get; init; } = "";
        public string Priority { get; init; } = "";
    }

    /// <summary>
    /// A fault or out-of-range reading reaching the pump while it was delivering, and what the motor did:
    /// the time from its arrival to the last STEP pulse and the pulses emitted after it arrived.
    /// </summary>
    public sealed class InterlockTrip
    {
        public long AtMs { get; init; }
        public string Cause { get; init; } = "";
        public long AtUs { get; init; }
        public long PulsesAtTrigger { get; init; }
        public bool Stopped { get; set; }
        public long StoppedAtMs { get; set; }
        public double StopLatencyMs { get; set; }
        public long StepsAfterTrip { get; set; }
    }
}
