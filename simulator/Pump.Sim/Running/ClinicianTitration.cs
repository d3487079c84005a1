using Pump.Core.Control;
using Pump.Hal;
using Pump.Sim.Hardware;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Running
{
    /// <summary>
    /// How the virtual clinician changes the running rate (TIT): watching the patient, it lowers the dose rate once
    /// dissociation is strong and, when the scenario says so, raises it back to the programmed rate once dissociation
    /// has stayed below a lower level for a while. It works the panel's titration screens key by key from what the
    /// display shows, as a person would (<see cref="TitrationScreenReader"/>): Down opens the editor, each digit is
    /// walked to the wanted one, soft limits are confirmed only when the scenario allows, and OK on the confirm screen
    /// makes the change. A hard refusal (or an unconfirmed soft limit) is backed out of, and that change is not tried again.
    /// </summary>
    public sealed class ClinicianTitration
    {
        private readonly TitrationSpec _spec;
        private readonly SimDisplay _display;
        private readonly long _programmedUgPerKgPerH;
        private long _wantUgPerKgPerH;
        private bool _lowered;
        private bool _raised;
        private bool _abandoned;
        private long _settledSinceMs = -1;
        private double _settledAround;

        /// <param name="spec">The scenario's titration policy.</param>
        /// <param name="display">The panel the clinician reads.</param>
        /// <param name="programmedUgPerKgPerH">The dose rate the clinician programmed (dose over duration), to raise back to.</param>
        public ClinicianTitration(TitrationSpec spec, SimDisplay display, long programmedUgPerKgPerH)
        {
            _spec = spec;
            _display = display;
            _programmedUgPerKgPerH = programmedUgPerKgPerH;
        }

        /// <summary>What the clinician just decided, for the run's log (null when nothing new).</summary>
        public string? Decision { get; private set; }

        /// <summary>The next key for a rate change now, or <see cref="PanelKey.None"/> when there is nothing to do.</summary>
        public PanelKey NextKey(PumpState state, double dissociation, long nowMs)
        {
            Decision = null;
            TitrationScreenReader.Shown shown = TitrationScreenReader.Read(_display);
            if (state != PumpState.Infusing)
            {
                _settledSinceMs = -1;
                return PanelKey.None;
            }

            if (_abandoned)
            {
                // Backs out to the running screen (Back on the first digit closes the editor).
                return shown == TitrationScreenReader.Shown.None ? PanelKey.None : PanelKey.Back;
            }

            if (shown == TitrationScreenReader.Shown.None)
            {
                return Decide(dissociation, nowMs);
            }

            switch (shown)
            {
                case TitrationScreenReader.Shown.RateEditor:
                    return DigitKey(_wantUgPerKgPerH / 10);
                case TitrationScreenReader.Shown.SoftFinding:
                case TitrationScreenReader.Shown.ConfirmOverride:
                    if (_spec.ConfirmSoftLimits)
                    {
                        return PanelKey.Ok;
                    }

                    return Abandon("a soft limit it does not override: " + TitrationScreenReader.FindingText(_display));
                case TitrationScreenReader.Shown.HardFinding:
                    return Abandon("refused: " + TitrationScreenReader.FindingText(_display));
                default:
                    return PanelKey.Ok;   // the confirm screen: old and new rate read, OK
            }
        }

        private PanelKey Decide(double dissociation, long nowMs)
        {
            if (!_lowered && dissociation > _spec.DissociationAbove)
            {
                _lowered = true;
                _wantUgPerKgPerH = (long)System.Math.Round(_spec.LowerToMgPerKgPerH * 1000);
                Decision = $"clinician sees strong dissociation ({dissociation:F2}) and lowers the dose rate to {_spec.LowerToMgPerKgPerH:0.00} mg/kg/h";
                return PanelKey.Down;
            }

            if (!_lowered || _raised || !_spec.RaiseBack || !Settled(dissociation, nowMs))
            {
                return PanelKey.None;
            }

            _raised = true;
            _wantUgPerKgPerH = _programmedUgPerKgPerH;
            Decision = $"clinician sees dissociation settled at {dissociation:F2} for {_spec.SettledForMin:0.#} min and raises the dose rate back to {_programmedUgPerKgPerH / 1000.0:0.00} mg/kg/h";
            return PanelKey.Down;
        }

        /// <summary>Dissociation has stayed within the band of one value for the settling time (and below the raise level, if any).</summary>
        private bool Settled(double dissociation, long nowMs)
        {
            bool tooHigh = _spec.RaiseBackBelow is double below && dissociation >= below;
            if (tooHigh || _settledSinceMs < 0 || System.Math.Abs(dissociation - _settledAround) > _spec.SettledBand)
            {
                _settledSinceMs = tooHigh ? -1 : nowMs;
                _settledAround = dissociation;
                return false;
            }

            return nowMs - _settledSinceMs >= (long)(_spec.SettledForMin * 60_000);
        }

        private PanelKey Abandon(string why)
        {
            _abandoned = true;
            Decision = "clinician leaves the rate unchanged, " + why;
            return PanelKey.Back;
        }

        /// <summary>Walks the editor's digits (read from the display) to the wanted value, in 0.01 mg/kg/h.</summary>
        private PanelKey DigitKey(long value)
        {
            if (!ProgrammingScreenReader.TryReadNumber(_display, out int[] digits, out bool editing, out int cursor) || !editing)
            {
                return PanelKey.Back;
            }

            long max = 1;
            for (int i = 0; i < digits.Length; i++)
            {
                max *= 10;
            }

            for (int i = 0; i < cursor; i++)
            {
                if (digits[i] != Digit(value, max, i))
                {
                    return PanelKey.Back;
                }
            }

            int diff = (Digit(value, max, cursor) - digits[cursor] + 10) % 10;
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
