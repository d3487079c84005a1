using System;
using System.Collections.Generic;
using System.Globalization;
using Pump.Core.Configuration;

namespace Pump.ServiceTool.Model
{
    /// <summary>
    /// The configuration's fields by the names `config get` prints and `config set NAME=VALUE` takes, declared
    /// once. The pump checks every value again; the pairing fields are read-only here (panel only).
    /// </summary>
    public static class ConfigFields
    {
        public sealed record Field(string Name, string Unit, Func<DeviceConfiguration, string> Get, Action<DeviceConfiguration, string>? Set);

        public static readonly IReadOnlyList<Field> All =
        [
            new("serial", "", c => c.Serial, (c, v) => c.Serial = v),
            new("calibration-utc", "s since 1970", c => L(c.CalibrationUtcSeconds), (c, v) => c.CalibrationUtcSeconds = ParseLong(v)),
            new("calibrated-by", "", c => c.CalibratedBy, (c, v) => c.CalibratedBy = v),
            new("force-zero-counts", "counts", c => I(c.ForceZeroCounts), (c, v) => c.ForceZeroCounts = ParseInt(v)),
            new("force-span-counts", "counts", c => I(c.ForceSpanCounts), (c, v) => c.ForceSpanCounts = ParseInt(v)),
            new("force-span-mn", "mN", c => I(c.ForceSpanMilliNewtons), (c, v) => c.ForceSpanMilliNewtons = ParseInt(v)),
            new("position-zero-counts", "counts", c => I(c.PositionZeroCounts), (c, v) => c.PositionZeroCounts = ParseInt(v)),
            new("position-span-counts", "counts", c => I(c.PositionSpanCounts), (c, v) => c.PositionSpanCounts = ParseInt(v)),
            new("position-span-um", "µm", c => I(c.PositionSpanMicrometres), (c, v) => c.PositionSpanMicrometres = ParseInt(v)),
            new("lead-um", "µm", c => I(c.LeadUm), (c, v) => c.LeadUm = ParseInt(v)),
            new("full-steps-per-rev", "", c => I(c.FullStepsPerRev), (c, v) => c.FullStepsPerRev = ParseInt(v)),
            new("microstepping", "", c => I(c.Microstepping), (c, v) => c.Microstepping = ParseInt(v)),
            new("paired-monitor", "(panel only)", c => c.PairedMonitorId.ToString(CultureInfo.InvariantCulture), null),
            new("pairing-key-slot", "(panel only)", c => I(c.PairingKeySlot), null),
            new("occlusion-level", "0 low, 1 medium, 2 high", c => I(c.OcclusionLevel), (c, v) => c.OcclusionLevel = ParseInt(v)),
            new("near-empty-lead-s", "s", c => I(c.NearEmptyLeadS), (c, v) => c.NearEmptyLeadS = ParseInt(v)),
            new("callback-paused-s", "s", c => I(c.CallbackPausedS), (c, v) => c.CallbackPausedS = ParseInt(v)),
            new("callback-programming-s", "s", c => I(c.CallbackProgrammingS), (c, v) => c.CallbackProgrammingS = ParseInt(v)),
        ];

        /// <summary>Applies "name=value"; returns an error text or null.</summary>
        public static string? Assign(DeviceConfiguration c, string assignment)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0)
            {
                return "'" + assignment + "' is not NAME=VALUE";
            }
            string name = assignment.Substring(0, eq).Trim();
            string value = assignment.Substring(eq + 1).Trim();
            foreach (var f in All)
            {
                if (f.Name != name)
                {
                    continue;
                }
                if (f.Set == null)
                {
                    return "'" + name + "' is set only on the pump's panel (pairing needs the clinician to confirm the monitor's label)";
                }
                try
                {
                    f.Set(c, value);
                    return null;
                }
                catch (FormatException)
                {
                    return "'" + name + "' needs a whole number, not '" + value + "'";
                }
                catch (OverflowException)
                {
                    return "'" + name + "' value '" + value + "' is out of range";
                }
            }
            return "unknown setting '" + name + "'; known: " + string.Join(", ", Names());
        }

        private static IEnumerable<string> Names()
        {
            foreach (var f in All)
            {
                yield return f.Name;
            }
        }

        private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        private static string L(long v) => v.ToString(CultureInfo.InvariantCulture);
        private static int ParseInt(string v) => int.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        private static long ParseLong(string v) => long.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }
}
