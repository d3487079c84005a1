using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Units;

namespace Pump.Core.Programming
{
    /// <summary>
    /// The limits a value crosses on the screen where it is entered (PNL-401, PNL-408): first its own limits, then
    /// the program as entered so far (later fields hold their defaults) for a derived finding whose home is that
    /// screen (total dose on the dose screen, rates on the duration screen; EntryFields declares the homes).
    /// </summary>
    public static class EntryCheck
    {
        /// <summary>The chosen syringe calibrated for this mechanism, or null when the mechanism cannot drive it.</summary>
        public static SyringeCalibration? Calibration(int syringeIndex, Mechanism mechanism)
        {
            SyringeCalibration? calibration;
            return SyringeCalibration.TryCreate(SyringeTable.GetAt(syringeIndex), mechanism, out calibration) ? calibration : null;
        }

        /// <summary>The program the entries make in the calibrated syringe, with its findings.</summary>
        public static ProgramResult Program(DrugEntry drug, ProgramEntries entries, SyringeCalibration calibration)
        {
            if (drug.Mode == DoseMode.PlainRate)
            {
                return InfusionProgrammer.ProgramPlainRate(drug, entries.RateNlPerH, entries.VolumeNl, calibration);
            }

            return InfusionProgrammer.ProgramWeightBased(drug, entries.ConcentrationUgPerMl, entries.WeightG, entries.DoseUgPerKg,
                entries.DurationS, calibration);
        }

        /// <summary>
        /// The first finding about the value entered on <paramref name="step"/>, or null. Without a calibration (a
        /// syringe the mechanism cannot drive) only the value's own limits are checked; review refuses the rest.
        /// </summary>
        public static Finding? At(PanelStep step, DrugEntry drug, ProgramEntries entries, SyringeCalibration? calibration)
        {
            LimitKind own = EntryFields.OwnKind(step);
            Finding? found = InfusionProgrammer.CheckEntered(drug, own, entries.KindValue(own));
            if (found != null || calibration == null)
            {
                return found;
            }

            bool plain = drug.Mode == DoseMode.PlainRate;
            ProgramResult r = Program(drug, entries, calibration);
            for (int i = 0; i < r.FindingCount; i++)
            {
                Finding f = r.GetFinding(i);
                if (EntryFields.Home(f.Kind, plain) == step)
                {
                    return f;
                }
            }

            return null;
        }
    }
}
