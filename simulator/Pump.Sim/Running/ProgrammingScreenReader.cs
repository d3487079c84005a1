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
            if (display.RowText(3).Trim() == DefaultsHint)
            {
                return PanelStep.Defaults;   // no title: its three lines are the values
            }

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

        /// <summary>The bottom line of the screen that accepts the pre-filled dose, duration and syringe (PNL-408).</summary>
        public const string DefaultsHint = "OK:ALL 3 UP/DN:EDIT";

        /// <summary>
        /// The defaults screen's values: "DOSE 0.50 mg/kg" (in 0.01 mg/kg), "OVER 40 min" and "SYR BD PLASTIPAK 60".
        /// False when a line does not read as that.
        /// </summary>
        public static bool TryReadDefaults(SimDisplay display, out long doseHundredthsMgPerKg, out long minutes, out string syringe)
        {
            doseHundredthsMgPerKg = 0;
            minutes = 0;
            syringe = string.Empty;
            string[] dose = display.RowText(0).Trim().Split(' ');
            string[] over = display.RowText(1).Trim().Split(' ');
            string syr = display.RowText(2).Trim();
            if (dose.Length != 3 || dose[0] != "DOSE" || dose[2] != "mg/kg" || over.Length != 3 || over[0] != "OVER" || over[2] != "min"
                || !syr.StartsWith("SYR ", System.StringComparison.Ordinal)
                || !decimal.TryParse(dose[1], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out decimal mg)
                || !long.TryParse(over[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minutes))
            {
                return false;
            }

            doseHundredthsMgPerKg = (long)(mg * 100);
            syringe = syr.Substring(4);
            return true;
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