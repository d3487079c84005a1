namespace Pump.Core.Panel
{
    /// <summary>Screens of the programming flow.</summary>
    public enum PanelStep
    {
        /// <summary>Drug and concentration, chosen together from the library's pairs.</summary>
        Drug = 0,
        /// <summary>Not a screen of its own any more (chosen with the drug); kept so logged numbers stay stable.</summary>
        Concentration = 1,
        Weight = 2,
        Dose = 3,
        Duration = 4,
        Rate = 5,
        Volume = 6,
        Syringe = 7,
        Review = 8,
        SoftLimit = 9,
        ConfirmOverride = 10,
        /// <summary>A value just entered crosses a limit: refused (hard) or flagged (soft) on its own screen.</summary>
        EntryFinding = 11,
        /// <summary>The patient identification (or the explicit "no id" choice), after the drug.</summary>
        Patient = 12,
        /// <summary>
        /// Dose per kg, duration and syringe together, as the library and the wizard pre-fill them (or as last
        /// entered): one OK accepts all three, each checked as if entered on its own screen; Up/Down opens their
        /// own screens to change them.
        /// </summary>
        Defaults = 13,
    }
}
