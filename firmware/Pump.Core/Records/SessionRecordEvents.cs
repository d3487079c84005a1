using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Programming;

namespace Pump.Core.Records
{
    /// <summary>
    /// What an infusion record needs beyond the ordinary session events, logged once where the session begins
    /// (REC-001, PRG-014): the patient id, the programmed values (<see cref="ProgramDetail"/>) and the drug's name
    /// as the library had it then, so a later library cannot rename history. Events 28-30 (PumpEvent); each is an
    /// ordinary CRC-protected log entry, so records from before these events still read, with the fields absent.
    /// </summary>
    public static class SessionRecordEvents
    {
        /// <summary>Name characters per <see cref="PumpEvent.DrugNamePart"/> entry.</summary>
        public const int NameCharsPerPart = 7;

        internal static void Append(SessionLog log, long patientId, DrugEntry drug, InfusionProgram program)
        {
            long id = PatientId.IsValid(patientId) ? patientId : PatientId.None;
            log.Append(PumpEvent.PatientIdentified, 0, PatientId.LowWord(id), PatientId.HighWord(id));
            for (int tag = ProgramDetail.First; tag <= ProgramDetail.Last; tag++)
            {
                log.Append(PumpEvent.ProgramDetail, 0, tag, (int)IntMath.Min(ProgramDetail.ValueOf(tag, program), int.MaxValue));
            }

            string name = drug.Name;
            int length = name.Length < DrugEntry.MaxNameChars ? name.Length : DrugEntry.MaxNameChars;
            for (int part = 0; part * NameCharsPerPart < length; part++)
            {
                int at = part * NameCharsPerPart;
                int arg0 = part * 32 + length;
                int arg1 = 0;
                for (int i = 0; i < NameCharsPerPart; i++)
                {
                    int ch = at + i < length ? Printable(name[at + i]) : 0;
                    if (i < 3)
                    {
                        arg0 |= ch << (8 * (i + 1));
                    }
                    else
                    {
                        arg1 |= ch << (8 * (i - 3));
                    }
                }

                log.Append(PumpEvent.DrugNamePart, 0, arg0, arg1);
            }
        }

        private static int Printable(char c)
        {
            return c >= ' ' && c <= '~' ? c : '?';
        }
    }
}
