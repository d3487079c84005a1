namespace Pump.Core.Units
{
    /// <summary>
    /// Exact microsteps-per-volume ratio for one syringe on one mechanism (DESIGN.md D2).
    ///
    /// microsteps per nL = S / L * 10^6 / A, with S microsteps per revolution, L the lead in µm,
    /// 10^6 µm^3 per nL and the bore area A = pi * d^2 / 4 in µm^2. pi is taken as 355/113
    /// (relative error 8.5e-8, far below the 0.01 % budget and the diameter's own tolerance), so
    ///     microsteps per nL = (S * 452 * 10^6) / (L * 355 * d^2), reduced by their gcd.
    /// Bounds (Mechanism and SyringeSpec ranges): numerator &lt;= 12800 * 4.52e8 &lt; 2^43 and
    /// denominator &lt;= 20000 * 355 * 40000^2 &lt; 2^54, inside <see cref="Ratio.MaxOperand"/>, so every
    /// conversion below is exact floor arithmetic with no overflow for any non-negative long input
    /// whose result fits in a long. All conversions round down.
    /// </summary>
    public sealed class SyringeCalibration
    {
        /// <summary>pi approximation used for the bore area: 355/113.</summary>
        public const long PiNumerator = 355;

        public const long PiDenominator = 113;

        public const long NlPerMl = 1000000L;

        public readonly SyringeSpec Syringe;

        public readonly Mechanism Mechanism;

        /// <summary>Microsteps per nL = MicrostepsPerNlNumerator / MicrostepsPerNlDenominator (reduced).</summary>
        public readonly long MicrostepsPerNlNumerator;

        public readonly long MicrostepsPerNlDenominator;

        /// <summary>Microsteps per mL = MicrostepsPerMlNumerator / MicrostepsPerMlDenominator (reduced).</summary>
        public readonly long MicrostepsPerMlNumerator;

        public readonly long MicrostepsPerMlDenominator;

        /// <summary>Microsteps for the whole usable plunger travel (rounded down).</summary>
        public readonly long UsableTravelMicrosteps;

        private SyringeCalibration(SyringeSpec syringe, Mechanism mechanism, long nlNum, long nlDen, long mlNum, long mlDen, long travelMicrosteps)
        {
            Syringe = syringe;
            Mechanism = mechanism;
            MicrostepsPerNlNumerator = nlNum;
            MicrostepsPerNlDenominator = nlDen;
            MicrostepsPerMlNumerator = mlNum;
            MicrostepsPerMlDenominator = mlDen;
            UsableTravelMicrosteps = travelMicrosteps;
        }

        /// <summary>Builds the calibration; false (calibration null) if the syringe or mechanism is invalid.</summary>
        public static bool TryCreate(SyringeSpec syringe, Mechanism mechanism, out SyringeCalibration? calibration)
        {
            calibration = null;
            if (syringe == null || mechanism == null || !syringe.IsValid()
                || !Mechanism.IsValid(mechanism.LeadUm, mechanism.FullStepsPerRev, mechanism.Microstepping))
            {
                return false;
            }

            long d = syringe.InnerDiameterUm;
            long num = (long)mechanism.MicrostepsPerRev * 4 * PiDenominator * NlPerMl;
            long den = mechanism.LeadUm * PiNumerator * d * d;
            long g = Ratio.Gcd(num, den);
            num /= g;
            den /= g;

            long mlNum = num * NlPerMl;
            long gMl = Ratio.Gcd(mlNum, den);

            long travelMicrosteps;
            if (!Ratio.TryMulDivFloor(syringe.UsableTravelUm, mechanism.MicrostepsPerRev, mechanism.LeadUm, out travelMicrosteps))
            {
                return false;
            }

            calibration = new SyringeCalibration(syringe, mechanism, num, den, mlNum / gMl, den / gMl, travelMicrosteps);
            return true;
        }

        /// <summary>Microsteps that displace at most volumeNl: floor(volumeNl * ratio).</summary>
        public bool TryNlToMicrosteps(long volumeNl, out long microsteps)
        {
            return Ratio.TryMulDivFloor(volumeNl, MicrostepsPerNlNumerator, MicrostepsPerNlDenominator, out microsteps);
        }

        /// <summary>Volume displaced by a number of microsteps, rounded down to whole nL.</summary>
        public bool TryMicrostepsToNl(long microsteps, out long volumeNl)
        {
            return Ratio.TryMulDivFloor(microsteps, MicrostepsPerNlDenominator, MicrostepsPerNlNumerator, out volumeNl);
        }

        /// <summary>
        /// Smallest whole nL that converts back to at least these microsteps: ceil(microsteps / ratio).
        /// When the ratio is at most 1 microstep per nL (every table syringe on any supported
        /// mechanism), TryNlToMicrosteps of the result gives exactly the microsteps again, so a
        /// program persisted as microsteps can be re-entered as nL and recomputed identically.
        /// Not a delivered quantity (those round down): use it only to reconstruct inputs.
        /// </summary>
        public bool TryMicrostepsToNlCeil(long microsteps, out long volumeNl)
        {
            return Ratio.TryMulDivCeil(microsteps, MicrostepsPerNlDenominator, MicrostepsPerNlNumerator, out volumeNl);
        }

        /// <summary>Plunger travel for a number of microsteps, rounded down to whole µm.</summary>
        public bool TryMicrostepsToTravelUm(long microsteps, out long travelUm)
        {
            return Ratio.TryMulDivFloor(microsteps, Mechanism.LeadUm, Mechanism.MicrostepsPerRev, out travelUm);
        }

        /// <summary>Whole microsteps within a plunger travel, rounded down.</summary>
        public bool TryTravelUmToMicrosteps(long travelUm, out long microsteps)
        {
            return Ratio.TryMulDivFloor(travelUm, Mechanism.MicrostepsPerRev, Mechanism.LeadUm, out microsteps);
        }
    }
}
