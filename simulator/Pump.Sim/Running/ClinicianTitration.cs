using Pump.Core.Control;
using Pump.Core.Panel;
using Pump.Core.Programming;
using Pump.Hal;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Running
{
    /// <summary>
    /// How the virtual clinician changes the running rate (TIT): watching the patient, it lowers the dose rate once
    /// dissociation is strong and, when the scenario says so, raises it back to the programmed rate once it has eased.
    /// It works the panel's titration screens key by key as a person would: Down opens the editor, each digit is
    /// walked to the wanted one, soft limits are confirmed only when the scenario allows, and OK on the confirm screen
    /// makes the change. A hard refusal (or an unconfirmed soft limit) is backed out of, and that change is not tried again.
    /// </summary>
    public sealed class ClinicianTitration
    {
        private readonly TitrationSpec _spec;
        private long _wantUgPerKgPerH;
        private bool _lowered;
        private bool _raised;
        private bool _abandoned;

        public ClinicianTitration(TitrationSpec spec)
        {
            _spec = spec;
        }

        /// <summary>What the clinician just decided, for the run's log (null when nothing new).</summary>
        public string? Decision { get; private set; }

        /// <summary>The next key for a rate change now, or <see cref="PanelKey.None"/> when there is nothing to do.</summary>
        public PanelKey NextKey(PumpController pump, double dissociation)
        {
            Decision = null;
            TitrationScreen screen = pump.Panel.Titration;
            InfusionProgram? running = pump.Status.Program;
            InfusionProgram? programmed = pump.Session.Titration.Programmed;
            if (pump.Status.State != PumpState.Infusing || running == null || programmed == null)
            {
                return PanelKey.None;
            }

            if (_abandoned)
            {
                // Backs out to the running screen (Back on the first digit closes the editor).
                return screen.Step == TitrationStep.Closed ? PanelKey.None : PanelKey.Back;
            }

            if (screen.Step == TitrationStep.Closed)
            {
                if (!_lowered && dissociation > _spec.DissociationAbove)
                {
                    _lowered = true;
                    _wantUgPerKgPerH = (long)System.Math.Round(_spec.LowerToMgPerKgPerH * 1000);
                    Decision = $"clinician sees strong dissociation ({dissociation:F2}) and lowers the dose rate to {_spec.LowerToMgPerKgPerH:0.00} mg/kg/h";
                    return PanelKey.Down;
                }

                if (_lowered && !_raised && _spec.RaiseBackBelow is double below && dissociation < below
                    && running.RateUgPerKgPerH != programmed.RateUgPerKgPerH)
                {
                    _raised = true;
                    _wantUgPerKgPerH = programmed.RateUgPerKgPerH;
                    Decision = $"clinician sees dissociation ease ({dissociation:F2}) and raises the dose rate back to {programmed.RateUgPerKgPerH / 1000.0:0.00} mg/kg/h";
                    return PanelKey.Down;
                }

                return PanelKey.None;
            }

            switch (screen.Step)
            {
                case TitrationStep.Edit:
                    return DigitKey(screen.Editor, _wantUgPerKgPerH / 10);
                case TitrationStep.Finding:
                case TitrationStep.ConfirmOverride:
                    Finding? f = screen.Plan != null && screen.Plan.FindingCount > 0 ? screen.Plan.GetFinding(0) : null;
                    if (f != null && f.IsSoft && _spec.ConfirmSoftLimits)
                    {
                        return PanelKey.Ok;
                    }

                    // Refused, or a soft limit this clinician does not override: back out, the rate stays as it is.
                    _abandoned = true;
                    Decision = "clinician leaves the rate unchanged: " + (f != null ? f.ToShortString() : "refused");
                    return PanelKey.Back;
                default:
                    return PanelKey.Ok;   // the confirm screen: old and new rate read, OK
            }
        }

        private static PanelKey DigitKey(NumberEditor editor, long value)
        {
            long max = 1;
            for (int i = 0; i < editor.DigitCount; i++)
            {
                max *= 10;
            }

            int cursor = editor.Cursor;
            for (int i = 0; i < cursor; i++)
            {
                if (editor.DigitAt(i) != Digit(value, max, i))
                {
                    return PanelKey.Back;
                }
            }

            int diff = (Digit(value, max, cursor) - editor.DigitAt(cursor) + 10) % 10;
            return diff == 0 ? PanelKey.Ok : diff <= 5 ? PanelKey.Up : PanelKey.Down;
        }

        private static int Digit(long value, long max, int index)
        {
            long div = max;
            for (int i = 0; i <= index; i++)
            {
                div /= 10;
            }

            return (int)(value / div % 10);
        }
    }
}
