namespace Pump.Core.Library
{
    /// <summary>
    /// The library the firmware ships with: the ketamine psychiatric profile exactly as
    /// shared/brief/clinical.md §6a proposes it, and a plain mL/h profile for saline and priming.
    /// Sources and the sign-off caveat are in hardware-docs/drug-library.md: every number here needs
    /// the clinic's medical director and pharmacy to approve it before clinical use.
    /// </summary>
    public static class ShippedLibrary
    {
        /// <summary>Revision of the shipped library.</summary>
        public const uint Revision = 1;

        public const int NoDrugId = 1;

        public const int KetaminePsych40Id = 10;

        public static DrugLibrary Build()
        {
            return new DrugLibrary(Revision, new DrugEntry[] { NoDrug(), KetaminePsych40() });
        }

        /// <summary>"KETAMINE PSYCH 40min": clinical.md §6a, units converted exactly (mg to µg, min to s, kg to g).</summary>
        public static DrugEntry KetaminePsych40()
        {
            Limits[] limits = new Limits[DrugEntry.StoredLimitCount];
            limits[(int)LimitKind.ConcentrationUgPerMl] = new Limits(500, 500, 2000, 2000); // hard 0.5..2 mg/mL
            limits[(int)LimitKind.DoseUgPerKg] = new Limits(0, 100, 750, 1000); // soft 0.1..0.75, hard max 1.0 mg/kg
            limits[(int)LimitKind.DurationS] = new Limits(1200, 2400, 3600, 7200); // hard 20..120, soft 40..60 min
            limits[(int)LimitKind.RateUgPerKgPerH] = new Limits(0, 0, 1125, 1500); // soft max 1.125, hard max 1.5 mg/kg/h
            limits[(int)LimitKind.RateUgPerH] = new Limits(0, 0, 150000, 150000); // hard max 150 mg/h
            limits[(int)LimitKind.TotalDoseUg] = new Limits(0, 0, 75000, 100000); // soft max 75, hard max 100 mg/session
            limits[(int)LimitKind.WeightG] = new Limits(30000, 45000, 120000, 200000); // soft 45..120, hard 30..200 kg
            limits[(int)LimitKind.RateNlPerH] = new Limits(100000, 100000, 1200000000, 1200000000); // device 0.1..1200 mL/h
            limits[(int)LimitKind.VolumeNl] = new Limits(0, 0, 60000000, 60000000); // largest syringe, 60 mL [P]
            limits[(int)LimitKind.SessionSpacingH] = new Limits(20, 48, Limits.Unlimited, Limits.Unlimited); // hard min 20 h, soft min 48 h
            limits[(int)LimitKind.SessionsPer7Days] = new Limits(0, 0, 3, Limits.Unlimited); // soft max 3 per 7 days; no hard max given
            return new DrugEntry(
                drugId: KetaminePsych40Id,
                name: "KETAMINE PSYCH 40min",
                mode: DoseMode.WeightBasedTotalOverDuration,
                bolusAllowed: false,
                concentrationsUgPerMl: new int[] { 1000, 2000 }, // standard 1 mg/mL, alternate 2 mg/mL
                defaultConcentrationUgPerMl: 1000,
                defaultDoseUgPerKg: 500,
                defaultDurationS: 2400,
                defaultRateNlPerH: 0,
                limitsByKind: limits,
                baselineVitalsMaxAgeS: 300); // baseline vitals at most 5 min old
        }

        /// <summary>"NO DRUG (mL/h)": saline and priming; the device rate range as hard limits.</summary>
        public static DrugEntry NoDrug()
        {
            Limits[] limits = new Limits[DrugEntry.StoredLimitCount];
            for (int k = 0; k < limits.Length; k++)
            {
                limits[k] = Limits.NotUsed;
            }

            limits[(int)LimitKind.RateNlPerH] = new Limits(100000, 100000, 1200000000, 1200000000); // 0.1..1200 mL/h
            limits[(int)LimitKind.VolumeNl] = new Limits(0, 0, 60000000, 60000000); // largest syringe, 60 mL
            limits[(int)LimitKind.SessionSpacingH] = new Limits(0, 0, Limits.Unlimited, Limits.Unlimited); // no spacing rule
            limits[(int)LimitKind.SessionsPer7Days] = new Limits(0, 0, Limits.Unlimited, Limits.Unlimited); // no session cap
            return new DrugEntry(
                drugId: NoDrugId,
                name: "NO DRUG (mL/h)",
                mode: DoseMode.PlainRate,
                bolusAllowed: false,
                concentrationsUgPerMl: new int[0],
                defaultConcentrationUgPerMl: 0,
                defaultDoseUgPerKg: 0,
                defaultDurationS: 0,
                defaultRateNlPerH: 10000000, // 10 mL/h [P]
                limitsByKind: limits,
                baselineVitalsMaxAgeS: 0); // no baseline required for saline (interlock placeholder)
        }
    }
}
