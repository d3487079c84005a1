namespace Pump.Core.Panel
{
    /// <summary>Screens of the programming flow.</summary>
    public enum PanelStep
    {
        Drug = 0,
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
    }
}
