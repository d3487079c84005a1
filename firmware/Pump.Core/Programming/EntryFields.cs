using Pump.Core.Library;
using Pump.Core.Panel;

namespace Pump.Core.Programming
{
    /// <summary>
    /// The wizard's number fields as data (PNL-400, PNL-401): how each is edited (digits, decimals, the digit the
    /// editor opens on) and, for every limit kind, the screen whose value it checks, so a finding is shown on the
    /// screen where its value is entered and BACK from a rejection lands there. Walked by tests and the panel guide.
    /// </summary>
    public static class EntryFields
    {
        // Indexed by PanelStep: digits, decimals, first cursor (0 = not a number field).
        private static readonly int[] DigitsByStep = { 0, 0, 4, 4, 3, 5, 4, 0, 0, 0, 0, 0 };
        private static readonly int[] DecimalsByStep = { 0, 0, 1, 2, 0, 1, 1, 0, 0, 0, 0, 0 };

        // Weight opens on the tens of kilograms (adults: the hundreds are 0 or 1, Back reaches them).
        private static readonly int[] FirstCursorByStep = { 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

        // Indexed by PanelStep: the limit kind a number field's own value is checked against.
        // int, not enum, arrays: the nanoCLR array initializer is only relied on for primitive element types.
        private static readonly int[] OwnKindByStep =
        {
            (int)LimitKind.ConcentrationUgPerMl, (int)LimitKind.ConcentrationUgPerMl, (int)LimitKind.WeightG, (int)LimitKind.DoseUgPerKg,
            (int)LimitKind.DurationS, (int)LimitKind.RateNlPerH, (int)LimitKind.VolumeNl, (int)LimitKind.SyringeVolumeNl,
        };

        // Indexed by LimitKind: where a weight-based program's finding of that kind is entered.
        private static readonly int[] WeightBasedHome =
        {
            (int)PanelStep.Drug,     // ConcentrationUgPerMl
            (int)PanelStep.Dose,     // DoseUgPerKg
            (int)PanelStep.Duration, // DurationS
            (int)PanelStep.Duration, // RateUgPerKgPerH: dose / duration
            (int)PanelStep.Duration, // RateUgPerH
            (int)PanelStep.Dose,     // TotalDoseUg: dose x weight
            (int)PanelStep.Weight,   // WeightG
            (int)PanelStep.Duration, // RateNlPerH
            (int)PanelStep.Dose,     // VolumeNl: total dose / concentration
            (int)PanelStep.Review,   // SessionSpacingH
            (int)PanelStep.Review,   // SessionsPer7Days
            (int)PanelStep.Syringe,  // SyringeVolumeNl
        };

        // Indexed by LimitKind: where a plain mL/h program's finding of that kind is entered.
        private static readonly int[] PlainRateHome =
        {
            (int)PanelStep.Drug, (int)PanelStep.Rate, (int)PanelStep.Rate, (int)PanelStep.Rate, (int)PanelStep.Rate, (int)PanelStep.Volume,
            (int)PanelStep.Rate, (int)PanelStep.Rate, (int)PanelStep.Volume, (int)PanelStep.Review, (int)PanelStep.Review, (int)PanelStep.Syringe,
        };

        public static bool IsNumber(PanelStep step)
        {
            return Index(step) >= 0 && DigitsByStep[(int)step] > 0;
        }

        public static int Digits(PanelStep step)
        {
            return Index(step) < 0 ? 0 : DigitsByStep[(int)step];
        }

        public static int Decimals(PanelStep step)
        {
            return Index(step) < 0 ? 0 : DecimalsByStep[(int)step];
        }

        public static int FirstCursor(PanelStep step)
        {
            return Index(step) < 0 ? 0 : FirstCursorByStep[(int)step];
        }

        /// <summary>The limit kind of a number field's own value (WeightG for Weight, and so on).</summary>
        public static LimitKind OwnKind(PanelStep step)
        {
            int i = (int)step;
            return i >= 0 && i < OwnKindByStep.Length ? (LimitKind)OwnKindByStep[i] : LimitKind.SyringeVolumeNl;
        }

        /// <summary>The screen where the value behind a finding of <paramref name="kind"/> is entered.</summary>
        public static PanelStep Home(LimitKind kind, bool plainRate)
        {
            int k = (int)kind;
            int[] table = plainRate ? PlainRateHome : WeightBasedHome;
            return k >= 0 && k < table.Length ? (PanelStep)table[k] : PanelStep.Review;
        }

        private static int Index(PanelStep step)
        {
            int i = (int)step;
            return i >= 0 && i < DigitsByStep.Length ? i : -1;
        }
    }
}
