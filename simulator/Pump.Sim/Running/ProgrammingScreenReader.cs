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
                case "PATIENT ID": return PanelStep.Patient;
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
            string shown = ReadField(display, digitsOnly: true, out editing, out cursor);
            digits = new int[shown.Length];
            for (int i = 0; i < shown.Length; i++)
            {
                digits[i] = shown[i] - '0';
            }

            return digits.Length > 0;
        }

        /// <summary>
        /// The patient id on the patient screen's second line: "NO ID" (shown as empty), an id, or while editing the
        /// characters with the one under the cursor bracketed ("AB[C]"; '_' is a blank). False when the screen shows none.
        /// </summary>
        public static bool TryReadPatientId(SimDisplay display, out string id, out bool editing, out int cursor)
        {
            if (display.RowText(1).StartsWith("NO ID", System.StringComparison.Ordinal))
            {
                editing = false;
                cursor = -1;
                id = string.Empty;
                return true;
            }

            id = ReadField(display, digitsOnly: false, out editing, out cursor);
            return id.Length > 0 || editing;
        }

        /// <summary>
        /// The entry field on the second line, up to the first space (the unit follows): its characters without the
        /// cursor's brackets, and the index of the bracketed one (-1 when not editing). A blank ('_') ends the field;
        /// with <paramref name="digitsOnly"/> anything but a digit (the decimal point) is dropped.
        /// </summary>
        private static string ReadField(SimDisplay display, bool digitsOnly, out bool editing, out int cursor)
        {
            string line = display.RowText(1);
            var chars = new System.Text.StringBuilder(8);
            editing = false;
            cursor = -1;
            foreach (char ch in line)
            {
                if (ch == ' ' || ch == '_')
                {
                    break;
                }

                if (ch == '[')
                {
                    editing = true;
                    cursor = chars.Length;
                }
                else if (ch != ']' && (!digitsOnly || (ch >= '0' && ch <= '9')))
                {
                    chars.Append(ch);
                }
            }

            return chars.ToString();
        }
    }
}