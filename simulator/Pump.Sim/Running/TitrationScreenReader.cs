using Pump.Sim.Hardware;

namespace Pump.Sim.Running
{
    /// <summary>
    /// Reads the rate-change (titration) screens while infusing as a person does, from the 20x4 display only. The
    /// bottom line names the screen (the top line may carry an alarm that does not stop the pump); the running
    /// screen's bottom line is the vitals, so anything else means no rate change is open.
    /// </summary>
    internal static class TitrationScreenReader
    {
        public enum Shown
        {
            /// <summary>The running screen: no rate change open.</summary>
            None,
            /// <summary>"NEW DOSE RATE": the digit editor on row 1, "NOW ..." on row 2.</summary>
            RateEditor,
            /// <summary>"SOFT LIMIT: CHECK": OK keeps, Back changes.</summary>
            SoftFinding,
            /// <summary>"HARD LIMIT: REFUSED": only Back.</summary>
            HardFinding,
            /// <summary>"CONFIRM OVERRIDE?": the soft limit's second OK.</summary>
            ConfirmOverride,
            /// <summary>"CHANGE RATE?": old and new rate; OK makes the change.</summary>
            ConfirmChange,
        }

        public static Shown Read(SimDisplay display)
        {
            string hint = display.RowText(3).TrimEnd();
            if (hint == "UP/DN:DIGIT OK:NEXT" && display.RowText(2).StartsWith("NOW ", System.StringComparison.Ordinal))
            {
                return Shown.RateEditor;
            }

            switch (hint)
            {
                case "OK:KEEP BACK:CHANGE": return Shown.SoftFinding;
                case "BACK:CHANGE VALUE": return Shown.HardFinding;
                case "OK:YES  BACK:NO": return Shown.ConfirmOverride;
            }

            return hint.StartsWith("LEFT ", System.StringComparison.Ordinal) && hint.EndsWith(" OK:YES", System.StringComparison.Ordinal)
                ? Shown.ConfirmChange : Shown.None;
        }

        /// <summary>The finding's two lines as shown ("RATE 1.20mg/kg/h > SOFT MAX 1.125").</summary>
        public static string FindingText(SimDisplay display)
        {
            return display.RowText(1).Trim() + " " + display.RowText(2).Trim();
        }
    }
}
