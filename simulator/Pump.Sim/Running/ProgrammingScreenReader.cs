using Pump.Core.Panel;
using Pump.Sim.Hardware;

namespace Pump.Sim.Running
{
    /// <summary>
    /// Reads the programming screens as a person does, from the 20x4 display only: which screen is shown (its
    /// title) and, on a number screen, the digits and the bracketed cursor. The virtual clinician programs from
    /// this, never from the wizard's or the editor's state.
    /// </summary>
    internal static class ProgrammingScreenReader
    {
        /// <summary>The screen a title names; the review screen has no fixed title (it starts with the rate or a refusal).</summary>
        public static PanelStep StepShown(SimDisplay display)
        {
            switch (display.RowText(0).Trim())
            {
                case "SELECT DRUG": return PanelStep.Drug;
                case "PATIENT WEIGHT": return PanelStep.Weight;
                case "DOSE PER KG": return PanelStep.Dose;
                case "DURATION": return PanelStep.Duration;
                case "RATE": return PanelStep.Rate;
                case "VOLUME TO INFUSE": return PanelStep.Volume;
                case "SYRINGE": return PanelStep.Syringe;
                case "SOFT LIMIT": return PanelStep.SoftLimit;
                case "CONFIRM OVERRIDE?": return PanelStep.ConfirmOverride;
                case "SOFT LIMIT: CHECK":
                case "HARD LIMIT: REFUSED": return PanelStep.EntryFinding;
                default: return PanelStep.Review;
            }
        }

        /// <summary>
        /// The number on a number screen's second line ("07[0].0 kg"): its digits (the point dropped), whether a
        /// digit is bracketed (editing) and which. False when the line holds no digits.
        /// </summary>
        public static bool TryReadNumber(SimDisplay display, out int[] digits, out bool editing, out int cursor)
        {
            string line = display.RowText(1);
            var found = new System.Collections.Generic.List<int>(8);
            editing = false;
            cursor = -1;
            for (int i = 0; i < line.Length; i++)
            {
                char ch = line[i];
                if (ch == ' ')
                {
                    break;   // the unit follows
                }
                if (ch == '[')
                {
                    editing = true;
                    cursor = found.Count;
                }
                else if (ch >= '0' && ch <= '9')
                {
                    found.Add(ch - '0');
                }
            }
            digits = found.ToArray();
            return digits.Length > 0;
        }
    }
}
