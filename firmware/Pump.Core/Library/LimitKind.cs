namespace Pump.Core.Library
{
    /// <summary>
    /// The limited quantities of a library entry, in the fixed order of the binary format.
    /// Values are persisted: never renumber. SyringeVolume is not in the library (it comes from
    /// the loaded syringe) but is reported the same way by programming.
    /// </summary>
    public enum LimitKind : byte
    {
        ConcentrationUgPerMl = 0,
        DoseUgPerKg = 1,
        DurationS = 2,
        RateUgPerKgPerH = 3,
        RateUgPerH = 4,
        TotalDoseUg = 5,
        WeightG = 6,
        RateNlPerH = 7,
        VolumeNl = 8,
        SessionSpacingH = 9,
        SessionsPer7Days = 10,
        SyringeVolumeNl = 11,
    }
}
