namespace Pump.Core.Programming
{
    /// <summary>What a key on a programming screen did to the program as a whole.</summary>
    public enum WizardOutcome
    {
        /// <summary>Still programming.</summary>
        None = 0,
        /// <summary>Back on the first screen: programming abandoned.</summary>
        Cancelled = 1,
        /// <summary>Reviewed and every soft limit confirmed twice: the program may be adopted.</summary>
        Confirmed = 2,
    }
}
