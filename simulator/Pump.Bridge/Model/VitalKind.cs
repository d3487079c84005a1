namespace Pump.Bridge.Model
{
    /// <summary>The vital signs the bridge forwards (the link's four values).</summary>
    public enum VitalKind
    {
        HeartRate = 0,
        Spo2 = 1,
        RespiratoryRate = 2,
        Nibp = 3,
    }
}
