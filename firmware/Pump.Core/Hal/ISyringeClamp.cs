namespace Pump.Hal
{
    /// <summary>
    /// Syringe barrel clamp and plunger-flange presence switches.
    /// Failure: TryRead returns false when the switch lines read an impossible combination (both
    /// contacts of a changeover switch); the core treats that as "syringe not secured" and stops.
    /// </summary>
    public interface ISyringeClamp
    {
        /// <summary>Clamp closed on a barrel, and the plunger flange seated in the pusher.</summary>
        bool TryRead(out bool clampClosed, out bool plungerEngaged);
    }
}
