namespace Pump.Core.Programming
{
    /// <summary>What is wrong with a value. Values are logged: never renumber.</summary>
    public enum FindingReason : byte
    {
        BelowSoftMin = 1,
        AboveSoftMax = 2,
        BelowHardMin = 3,
        AboveHardMax = 4,

        /// <summary>Concentration not in the entry's list (free-text concentrations are banned).</summary>
        NotInLibrary = 5,

        /// <summary>Volume larger than the loaded syringe's usable volume.</summary>
        ExceedsSyringe = 6,

        /// <summary>Zero or negative input, or a computed volume of zero microsteps.</summary>
        NotPositive = 7,

        /// <summary>Input beyond the range the arithmetic is proven for.</summary>
        TooLarge = 8,

        /// <summary>The entry's dose mode does not match the way it was programmed.</summary>
        WrongMode = 9,

        /// <summary>No valid syringe calibration.</summary>
        NoSyringe = 10,
    }
}
