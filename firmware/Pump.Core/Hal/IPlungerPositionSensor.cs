namespace Pump.Hal
{
    /// <summary>
    /// Absolute plunger-driver position from a linear potentiometer, independent of the step count
    /// (it is what catches a stalled or runaway motor). Units: micrometres of travel from the
    /// fully-withdrawn end; delivering fluid increases it.
    /// Failure: TryReadPosition returns false when the reading is outside the calibrated span
    /// (open or shorted wiper); the core raises a technical alarm and stops.
    /// </summary>
    public interface IPlungerPositionSensor
    {
        /// <summary>Latest position.</summary>
        bool TryReadPosition(out int travelMicrometres);
    }
}
