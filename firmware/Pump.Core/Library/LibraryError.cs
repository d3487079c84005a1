namespace Pump.Core.Library
{
    /// <summary>Why a library was refused. Values are logged: never renumber.</summary>
    public enum LibraryError : byte
    {
        None = 0,
        TooShort = 1,
        BadMagic = 2,
        LengthMismatch = 3,
        CrcMismatch = 4,
        UnsupportedFormatVersion = 5,
        Truncated = 6,
        NoEntries = 7,
        TooManyEntries = 8,
        BadDrugId = 9,
        DuplicateDrugId = 10,
        BadName = 11,
        BadDoseMode = 12,
        BadFlags = 13,
        BadConcentrationList = 14,
        DefaultConcentrationNotInList = 15,
        InconsistentLimits = 16,
        DefaultOutsideSoftLimits = 17,
        BeyondDeviceRange = 18,
        BadPlaceholder = 19,
        InternalError = 20,
        /// <summary>Install refused: the pump is not idle.</summary>
        PumpNotIdle = 21,
        /// <summary>Install refused: the library could not be written to the store.</summary>
        StoreWriteFailed = 22,
        /// <summary>The sign-off block is malformed: status, names or date.</summary>
        BadSignOff = 23,
        /// <summary>Author and reviewer are the same person.</summary>
        SameSigner = 24,
        /// <summary>The CRC the reviewer approved is not the CRC of this content.</summary>
        NotApproved = 25,
    }
}
