using Pump.Core.Library;

namespace Pump.LibraryTool.Review
{
    /// <summary>
    /// The infusion rates (mL/h) an entry lets the clinician program for a patient of a given weight, from
    /// its limits: dose over time, dose rate per kg, dose rate, total dose, volume over time and the
    /// infusion-rate limits, across the listed concentrations (the strongest gives the lowest rate, the
    /// weakest the highest). "Hard" uses the hard bounds (what the pump ever accepts); "soft" the soft
    /// bounds (what it accepts without a confirmation). Floating point: for the review report only (shown to 0.01 mL/h); the pump checks each
    /// program itself (Programming/InfusionProgrammer).
    /// </summary>
    internal static class RateRange
    {
        /// <summary>Lowest and highest rate in nL/h, or null when no rate satisfies every limit.</summary>
        public static (double LowNlPerH, double HighNlPerH)? For(DrugEntry e, long weightG, bool hard)
        {
            Limits rate = e.RateLimitsNlPerH;
            double rateLow = hard ? rate.HardMin : rate.SoftMin;
            double rateHigh = hard ? rate.HardMax : rate.SoftMax;
            if (e.Mode == DoseMode.PlainRate)
            {
                return (rateLow, rateHigh);
            }

            if (e.ConcentrationsUgPerMl == null || e.ConcentrationsUgPerMl.Length == 0)
            {
                return null;
            }

            double kg = weightG / 1000.0;
            double doseMin = Min(e.DoseLimitsUgPerKg, hard) * kg;
            double doseMax = Max(e.DoseLimitsUgPerKg, hard) * kg;
            double totalMax = Max(e.TotalDoseLimitsUg, hard);
            double durationMinH = Min(e.DurationLimitsS, hard) / 3600.0;
            double durationMaxH = Max(e.DurationLimitsS, hard) / 3600.0;
            if (durationMinH <= 0 || durationMaxH <= 0)
            {
                return null;
            }

            double doseRateLow = Largest(doseMin / durationMaxH, Min(e.RateLimitsUgPerKgPerH, hard) * kg, Min(e.RateLimitsUgPerH, hard));
            double doseRateHigh = Smallest(Smallest(doseMax, totalMax) / durationMinH, Max(e.RateLimitsUgPerKgPerH, hard) * kg, Max(e.RateLimitsUgPerH, hard));
            int[] conc = e.ConcentrationsUgPerMl;
            double low = Largest(doseRateLow / conc[conc.Length - 1] * 1_000_000.0, rateLow, 0);
            double volumeRate = Max(e.VolumeLimitsNl, hard) / durationMinH;
            double high = Smallest(doseRateHigh / conc[0] * 1_000_000.0, rateHigh, volumeRate);
            return low <= high ? (low, high) : null;
        }

        private static double Min(Limits l, bool hard)
        {
            return hard ? l.HardMin : l.SoftMin;
        }

        private static double Max(Limits l, bool hard)
        {
            long v = hard ? l.HardMax : l.SoftMax;
            return v == Limits.Unlimited ? double.PositiveInfinity : v;
        }

        private static double Largest(double a, double b, double c)
        {
            return a > b ? (a > c ? a : c) : (b > c ? b : c);
        }

        private static double Smallest(double a, double b, double c = double.MaxValue)
        {
            return a < b ? (a < c ? a : c) : (b < c ? b : c);
        }
    }
}
