using System;
using System.Collections.Generic;
using System.Globalization;

namespace Pump.Sim.Scenarios
{
    /// <summary>
    /// The programme fields the clinician types digit by digit, with the resolution and width of the pump's number
    /// editor for each (firmware/Pump.Core/Panel/PanelModel.cs, GoTo). A scenario value the panel cannot take is
    /// refused when the file is loaded, so the virtual clinician never rounds or truncates what the scenario says.
    /// </summary>
    public static class PanelEntry
    {
        public static readonly PanelField[] Fields =
        {
            new PanelField("patient.weightKg", "kg", digits: 4, decimals: 1),
            new PanelField("program.doseMgPerKg", "mg/kg", digits: 4, decimals: 2),
            new PanelField("program.durationMin", "min", digits: 3, decimals: 0),
            new PanelField("clinician.titration.lowerToMgPerKgPerH", "mg/kg/h", digits: 4, decimals: 2),   // TitrationScreen
        };

        public static PanelField For(string path) => Array.Find(Fields, f => f.Path == path)
            ?? throw new ArgumentException("no panel field " + path, nameof(path));

        /// <summary>Adds an error when <paramref name="value"/> is not a value the panel's editor can show.</summary>
        public static void Check(PanelField field, double value, List<ScenarioError> errors)
        {
            double scaled = value * field.Scale;
            double whole = Math.Round(scaled);
            var inv = CultureInfo.InvariantCulture;
            if (Math.Abs(scaled - whole) > 1e-6 * Math.Max(1, Math.Abs(scaled)))
            {
                errors.Add(new ScenarioError(field.Path, value.ToString(inv) + " " + field.Unit + " cannot be entered on the pump's panel: it takes steps of "
                    + field.Step.ToString(inv) + " " + field.Unit));
            }
            else if (whole < 1 || whole > field.MaxScaled)
            {
                errors.Add(new ScenarioError(field.Path, value.ToString(inv) + " " + field.Unit + " does not fit the panel's " + field.Digits
                    + "-digit field (" + field.Step.ToString(inv) + " to " + (field.MaxScaled / (double)field.Scale).ToString(inv) + " " + field.Unit + ")"));
            }
        }
    }

    /// <summary>A number field of the pump's panel: its scenario path, unit, digits and decimals.</summary>
    public sealed class PanelField
    {
        public PanelField(string path, string unit, int digits, int decimals)
        {
            Path = path;
            Unit = unit;
            Digits = digits;
            Decimals = decimals;
            Scale = (long)Math.Pow(10, decimals);
            MaxScaled = (long)Math.Pow(10, digits) - 1;
        }

        public string Path { get; }

        public string Unit { get; }

        public int Digits { get; }

        public int Decimals { get; }

        /// <summary>10^decimals: the value times this is what the editor holds.</summary>
        public long Scale { get; }

        public long MaxScaled { get; }

        public double Step => 1.0 / Scale;
    }
}
