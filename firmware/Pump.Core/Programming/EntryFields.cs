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
        private static readonly LimitKind[] OwnKindByStep =
        {
            LimitKind.ConcentrationUgPerMl, LimitKind.ConcentrationUgPerMl, LimitKind.WeightG, LimitKind.DoseUgPerKg,
            LimitKind.DurationS, LimitKind.RateNlPerH, LimitKind.VolumeNl, LimitKind.SyringeVolumeNl,
        };

        // Indexed by LimitKind: where a weight-based program's finding of that kind is entered.
        private static readonly PanelStep[] WeightBasedHome =
        {
            PanelStep.Drug,     // ConcentrationUgPerMl
            PanelStep.Dose,     // DoseUgPerKg
            PanelStep.Duration, // DurationS
            PanelStep.Duration, // RateUgPerKgPerH: dose / duration
            PanelStep.Duration, // RateUgPerH
            PanelStep.Dose,     // TotalDoseUg: dose x weight
            PanelStep.Weight,   // WeightG
            PanelStep.Duration, // RateNlPerH
            PanelStep.Dose,     // VolumeNl: total dose / concentration
            PanelStep.Review,   // SessionSpacingH
            PanelStep.Review,   // SessionsPer7Days
            PanelStep.Syringe,  // SyringeVolumeNl
        };

        // Indexed by LimitKind: where a plain mL/h program's finding of that kind is entered.
        private static readonly PanelStep[] PlainRateHome =
        {
            PanelStep.Drug, PanelStep.Rate, PanelStep.Rate, PanelStep.Rate, PanelStep.Rate, PanelStep.Volume,
            PanelStep.Rate, PanelStep.Rate, PanelStep.Volume, PanelStep.Review, PanelStep.Review, PanelStep.Syringe,
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
            return i >= 0 && i < OwnKindByStep.Length ? OwnKindByStep[i] : LimitKind.SyringeVolumeNl;
        }

        /// <summary>The screen where the value behind a finding of <paramref name="kind"/> is entered.</summary>
        public static PanelStep Home(LimitKind kind, bool plainRate)
        {
            int k = (int)kind;
            PanelStep[] table = plainRate ? PlainRateHome : WeightBasedHome;
            return k >= 0 && k < table.Length ? table[k] : PanelStep.Review;
        }

        private static int Index(PanelStep step)
        {
            int i = (int)step;
            return i >= 0 && i < DigitsByStep.Length ? i : -1;
        }
    }
}
