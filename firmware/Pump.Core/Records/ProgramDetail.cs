using Pump.Core.Programming;

namespace Pump.Core.Records
{
    /// <summary>
    /// The tags of <see cref="Control.PumpEvent.ProgramDetail"/> entries (REC-001): one programmed value each, in the
    /// unit its name gives. A tag's meaning never changes; new values get new tags, and a reader skips tags it
    /// does not know.
    /// </summary>
    public static class ProgramDetail
    {
        public const int ConcentrationUgPerMl = 1;
        public const int WeightG = 2;
        public const int DoseUgPerKg = 3;
        public const int TotalDoseUg = 4;

        public const int First = ConcentrationUgPerMl;
        public const int Last = TotalDoseUg;

        /// <summary>The program's value for a tag (0 for a plain mL/h program's dose values, or an unknown tag).</summary>
        public static long ValueOf(int tag, InfusionProgram p)
        {
            switch (tag)
            {
                case ConcentrationUgPerMl: return p.ConcentrationUgPerMl;
                case WeightG: return p.WeightG;
                case DoseUgPerKg: return p.DoseUgPerKg;
                case TotalDoseUg: return p.TotalDoseUg;
                default: return 0;
            }
        }
    }
}
