using Pump.Core.Panel;

namespace Pump.Core.Programming
{
    /// <summary>
    /// The order of the wizard's entry screens as data (PNL-001, PNL-405): for each screen the next one (OK) and the
    /// previous one (BACK), for weight-based and plain mL/h programs. Walked by tests and the panel guide.
    /// </summary>
    public static class StepOrder
    {
        // Indexed by PanelStep (Drug .. Defaults); -1 = not an entry screen of that kind of program. A weight-based
        // program goes from weight to the defaults screen (dose, duration, syringe on one screen, OK to review); its
        // Up/Down leads through the dose, duration and syringe screens, as a program without defaults does.
        private static readonly int[] NextWeightBased = { 12, -1, 13, 4, 7, -1, -1, 8, -1, -1, -1, -1, 2, 8 };
        private static readonly int[] NextPlainRate = { 12, -1, -1, -1, -1, 6, 7, 8, -1, -1, -1, -1, 5, -1 };
        private static readonly int[] PreviousWeightBased = { -1, -1, 12, 2, 3, -1, -1, 4, 13, -1, -1, -1, 0, 2 };
        private static readonly int[] PreviousPlainRate = { -1, -1, -1, -1, -1, 12, 5, 6, 7, -1, -1, -1, 0, -1 };

        /// <summary>The screen OK leads to from <paramref name="step"/>; Syringe when the table has none.</summary>
        public static PanelStep Next(PanelStep step, bool plainRate)
        {
            return Look(plainRate ? NextPlainRate : NextWeightBased, step, PanelStep.Syringe);
        }

        /// <summary>The screen BACK leads to from <paramref name="step"/>; Drug when the table has none.</summary>
        public static PanelStep Previous(PanelStep step, bool plainRate)
        {
            return Look(plainRate ? PreviousPlainRate : PreviousWeightBased, step, PanelStep.Drug);
        }

        private static PanelStep Look(int[] table, PanelStep step, PanelStep otherwise)
        {
            int i = (int)step;
            return i >= 0 && i < table.Length && table[i] >= 0 ? (PanelStep)table[i] : otherwise;
        }
    }
}
