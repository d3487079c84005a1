using System.Collections.Generic;
using System.Linq;
using Pump.Core.Records;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.ServiceTool.Model;
using Xunit;

namespace Pump.Simulator.Tests.Service
{
    public class InfusionRecordsTests
    {
        private static long _sequence;

        private static LogEntry E(int code, int a0 = 0, int a1 = 0, long utc = 1_800_000_000) =>
            new(++_sequence, 1, utc + _sequence, _sequence * 100, code, LogEntry.NameOf(code), 0, 0, a0, a1);

        private static int Transition(PumpState from, PumpTrigger trigger) => ((int)from * 256) + (int)trigger;

        // Proves: SVC-008
        [Fact]
        public void Build_SessionWithOverrideHoldAlarmAndEnd_RecordsEachWithItsVitals()
        {
            var log = new List<LogEntry>
            {
                E(PumpEvent.LibraryLoaded, 7, 2),
                E(PumpEvent.ProgramConfirmed, 1, 35_000),
                E(PumpEvent.SoftLimitOverride, 2, 120),
                E(PumpEvent.SessionStarted, 1, 128),
                E(PumpEvent.VitalsAtEvent, (128 << 16) | 80, (72 << 16) | (97 << 8) | 14),
                E(PumpEvent.Transition, Transition(PumpState.Infusing, PumpTrigger.VitalHold), (int)PumpState.InterlockHold),
                E(PumpEvent.VitalsAtEvent, (185 << 16) | 100, (90 << 16) | (96 << 8) | 16),
                E(PumpEvent.Transition, Transition(PumpState.Programming, PumpTrigger.RequestStart), (int)PumpState.Ready),
                E(PumpEvent.VitalsAtEvent, (150 << 16) | 90, 0),
                E(PumpEvent.AlarmRaised, (int)AlarmCode.InfusionComplete),
                E(PumpEvent.Transition, Transition(PumpState.Infusing, PumpTrigger.InfusionComplete), (int)PumpState.Completed),
                E(PumpEvent.DeliveryStopped, 123, 34_990),
            };
            var sessions = new List<SessionEntry> { new(log[3].UtcSeconds!.Value, 34_990, 1, true) };
            List<InfusionRecord> records = InfusionRecords.Build(log, sessions);
            InfusionRecord r = Assert.Single(records);
            Assert.Equal(7u, r.LibraryRevision);
            Assert.Equal(35_000, r.ProgrammedVolumeUl);
            Assert.Single(r.SoftLimitOverrides);
            Assert.Equal(128, r.StartVitals!.SystolicMmHg);
            Assert.Equal("hold", r.Events[0].Kind);
            Assert.Equal(185, r.Events[0].Vitals!.SystolicMmHg);
            Assert.Equal(16, r.Events[0].Vitals!.RespiratoryRatePerMin);
            Assert.Equal("alarm", r.Events[1].Kind);
            Assert.Null(r.Events[1].Vitals); // the vitals after the Ready transition belong to no recorded event
            Assert.Equal("completed", r.Outcome);
            Assert.Equal(34_990, r.DeliveredUl);
            Assert.Equal(34_990, r.DeliveredUg);
            Assert.True(r.DoseFinal);
        }

        // Proves: TIT-004, SVC-008
        [Fact]
        public void Build_TitrationWithSoftOverrides_RecordsTheChangeAndItsOverridesInTheRunningSession()
        {
            var log = new List<LogEntry>
            {
                E(PumpEvent.ProgramConfirmed, 10, 35_000),
                E(PumpEvent.SessionStarted, 10, 128),
                E(PumpEvent.TitrationRefused, 3, 1_600),
                E(PumpEvent.SoftLimitOverride, 3, 1_200),
                E(PumpEvent.SoftLimitOverride, 2, 1_500),
                E(PumpEvent.RateTitrated, 750, 1_200),
                E(PumpEvent.Transition, Transition(PumpState.Infusing, PumpTrigger.ConfirmTitration), (int)PumpState.Infusing),
                E(PumpEvent.Transition, Transition(PumpState.Infusing, PumpTrigger.InfusionComplete), (int)PumpState.Completed),
            };
            InfusionRecord r = Assert.Single(InfusionRecords.Build(log, new List<SessionEntry>()));
            Assert.Equal(2, r.SoftLimitOverrides.Count);
            Assert.Equal(new[] { "titration-refused", "rate-titrated", "end" }, r.Events.ConvertAll(ev => ev.Kind));
            Assert.StartsWith("0.750 -> 1.200", r.Events[1].What);
        }

        // Proves: SVC-008
        [Fact]
        public void Build_PowerLossThenStopped_RecordsThePowerLossAndTheStop()
        {
            var log = new List<LogEntry>
            {
                E(PumpEvent.ProgramConfirmed, 1, 35_000),
                E(PumpEvent.SessionStarted, 1, 0),
                E(PumpEvent.PowerOn, 1, 12_000),
                E(PumpEvent.Transition, Transition(PumpState.Paused, PumpTrigger.RequestStop), (int)PumpState.Stopped),
            };
            InfusionRecord r = Assert.Single(InfusionRecords.Build(log, []));
            Assert.Contains(r.Events, e => e.Kind == "power-loss");
            Assert.Equal("stopped", r.Outcome);
            Assert.Null(r.DeliveredUg);
            Assert.Null(r.BaselineSystolicMmHg);
        }

        private static IEnumerable<LogEntry> NameParts(string name)
        {
            for (int part = 0; part * 7 < name.Length; part++)
            {
                int a0 = part * 32 + name.Length;
                int a1 = 0;
                for (int i = 0; i < 7 && part * 7 + i < name.Length; i++)
                {
                    char c = name[part * 7 + i];
                    if (i < 3) a0 |= c << (8 * (i + 1)); else a1 |= c << (8 * (i - 3));
                }
                yield return E(PumpEvent.DrugNamePart, a0, a1);
            }
        }

        // Proves: REC-001
        [Fact]
        public void Build_Format2Session_CarriesPatientDrugNameAndProgrammedValues()
        {
            long id = Pump.Core.Programming.PatientId.Pack("JD4711".ToCharArray(), 6);
            var log = new List<LogEntry>
            {
                E(PumpEvent.ProgramConfirmed, 1, 35_000),
                E(PumpEvent.SessionStarted, 1, 128),
                E(PumpEvent.PatientIdentified, Pump.Core.Programming.PatientId.LowWord(id), Pump.Core.Programming.PatientId.HighWord(id)),
                E(PumpEvent.ProgramDetail, ProgramDetail.ConcentrationUgPerMl, 1000),
                E(PumpEvent.ProgramDetail, ProgramDetail.WeightG, 70_000),
                E(PumpEvent.ProgramDetail, ProgramDetail.DoseUgPerKg, 500),
                E(PumpEvent.ProgramDetail, ProgramDetail.TotalDoseUg, 35_000),
                E(PumpEvent.ProgramDetail, 99, 12),   // a tag from a later firmware: skipped
            };
            log.AddRange(NameParts("KETAMINE PSYCH 40min"));
            log.Add(E(PumpEvent.Transition, Transition(PumpState.Infusing, PumpTrigger.InfusionComplete), (int)PumpState.Completed));
            var sessions = new List<SessionEntry> { new(log[1].UtcSeconds!.Value, 34_987, 1, true) };
            InfusionRecord r = Assert.Single(InfusionRecords.Build(log, sessions));
            Assert.Equal(2, r.RecordFormat);
            Assert.Equal("JD4711", r.PatientId);
            Assert.Equal("entered", r.PatientIdStatus);
            Assert.Equal("KETAMINE PSYCH 40min", r.DrugName);
            Assert.Equal(1m, r.ConcentrationMgPerMl);
            Assert.Equal(70m, r.WeightKg);
            Assert.Equal(0.5m, r.DoseMgPerKg);
            Assert.Equal(35m, r.ProgrammedDoseMg);
            Assert.Equal(34.987m, r.DeliveredDoseMg);
            Assert.Empty(r.AbsentFields);
        }

        // Proves: REC-002
        [Fact]
        public void Build_Format1Session_ReadsWithTheNewFieldsMarkedAbsent()
        {
            var log = new List<LogEntry>
            {
                E(PumpEvent.ProgramConfirmed, 1, 35_000),
                E(PumpEvent.SessionStarted, 1, 0),
            };
            InfusionRecord r = Assert.Single(InfusionRecords.Build(log, []));
            Assert.Equal(1, r.RecordFormat);
            Assert.Null(r.PatientId);
            Assert.Equal("absent", r.PatientIdStatus);
            Assert.Null(r.DrugName);
            Assert.Null(r.ProgrammedDoseMg);
            Assert.Equal(["patientId", "drugName", "concentration", "weight", "dosePerKg", "programmedDose"], r.AbsentFields);
        }

        // Proves: REC-001
        [Fact]
        public void Build_NoIdChosenAndANamePartMissing_NoIdRecordedAndNameLeftOut()
        {
            var log = new List<LogEntry>
            {
                E(PumpEvent.SessionStarted, 1, 0),
                E(PumpEvent.PatientIdentified, 0, 0),
            };
            log.AddRange(NameParts("KETAMINE PSYCH 40min").Skip(1));   // a damaged first entry is not sent
            InfusionRecord r = Assert.Single(InfusionRecords.Build(log, []));
            Assert.Equal("no-id", r.PatientIdStatus);
            Assert.Null(r.PatientId);
            Assert.Null(r.DrugName);
            Assert.Contains("drugName", r.AbsentFields);
        }
    }
}
