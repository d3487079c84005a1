using Pump.Core.Common;
using Pump.Core.Library;

namespace Pump.Core.Tests.Library
{
    /// <summary>Builds variants of the shipped entries and patches encoded bytes for refusal tests.</summary>
    internal static class LibraryTestData
    {
        public static Limits[] CopyLimits(DrugEntry e)
        {
            var limits = new Limits[DrugEntry.StoredLimitCount];
            for (int k = 0; k < limits.Length; k++)
            {
                limits[k] = e.GetLimits((LimitKind)k);
            }

            return limits;
        }

        public static DrugEntry WithLimit(DrugEntry e, LimitKind kind, Limits replacement)
        {
            Limits[] limits = CopyLimits(e);
            limits[(int)kind] = replacement;
            return new DrugEntry(e.DrugId, e.Name, e.Mode, e.BolusAllowed, e.ConcentrationsUgPerMl, e.DefaultConcentrationUgPerMl,
                e.DefaultDoseUgPerKg, e.DefaultDurationS, e.DefaultRateNlPerH, limits, e.BaselineVitalsMaxAgeS);
        }

        public static DrugEntry With(DrugEntry e, int? drugId = null, string? name = null, int[]? concentrations = null,
            int? defaultConcentration = null, long? defaultDose = null, long? defaultDuration = null, bool? bolus = null)
        {
            return new DrugEntry(drugId ?? e.DrugId, name ?? e.Name, e.Mode, bolus ?? e.BolusAllowed, concentrations ?? e.ConcentrationsUgPerMl,
                defaultConcentration ?? e.DefaultConcentrationUgPerMl, defaultDose ?? e.DefaultDoseUgPerKg,
                defaultDuration ?? e.DefaultDurationS, e.DefaultRateNlPerH, CopyLimits(e), e.BaselineVitalsMaxAgeS);
        }

        public static byte[] ShippedBytes()
        {
            return LibraryCodec.Encode(ShippedLibrary.Build())!;
        }

        /// <summary>Recomputes the trailing CRC after a deliberate patch, so the parser sees the change.</summary>
        public static void FixCrc(byte[] bytes)
        {
            int end = bytes.Length - LibraryCodec.CrcBytes;
            uint crc = Crc32.Compute(bytes, 0, end);
            for (int i = 0; i < 4; i++)
            {
                bytes[end + i] = (byte)(crc >> (8 * i));
            }
        }
    }
}
