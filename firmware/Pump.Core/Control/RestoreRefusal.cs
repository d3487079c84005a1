namespace Pump.Core.Control
{
    /// <summary>Why an open session could not be rebuilt after a reset (event-log codes: never renumber).</summary>
    public static class RestoreRefusal
    {
        public const int None = 0;
        /// <summary>The snapshot holds no program.</summary>
        public const int NoProgram = 1;
        /// <summary>The drug is no longer in the library (a different library was installed).</summary>
        public const int DrugNotInLibrary = 2;
        /// <summary>The syringe is not in this firmware's table.</summary>
        public const int SyringeUnknown = 3;
        /// <summary>The program recomputed from the library differs from the one persisted.</summary>
        public const int ProgramDiffers = 4;
        /// <summary>The drug needs the vital-sign interlock and no baseline was recorded.</summary>
        public const int BaselineMissing = 5;
    }
}
