using System.Collections.Generic;
using Pump.Core.Library;
using PatientIdCode = Pump.Core.Programming.PatientId;
using Pump.Core.Records;

namespace Pump.ServiceTool.Model
{
    /// <summary>
    /// One infusion as the pump recorded it (REC-001, REC-002). Format 2 records carry the patient id, the drug's
    /// name at session start and the programmed values; a format 1 record (written before the pump logged them)
    /// has them null and names them in <see cref="AbsentFields"/>. Doses are in µg as stored and in mg (exact: the
    /// pump already rounded the µg down).
    /// </summary>
    public sealed class InfusionRecord
    {
        public int RecordFormat => _detailsSeen ? 2 : 1;
        public long StartSequence { get; init; }
        public long? StartUtcSeconds { get; init; }
        public long? EndUtcSeconds { get; set; }
        public int DrugId { get; init; }

        /// <summary>The id entered at programming; null when none was entered or the record predates it (see <see cref="PatientIdStatus"/>).</summary>
        public string? PatientId { get; private set; }

        /// <summary>"entered", "no-id" (the clinician chose no id) or "absent" (not in this record's format).</summary>
        public string PatientIdStatus { get; private set; } = "absent";

        public string? DrugName { get; private set; }
        public long? ConcentrationUgPerMl { get; private set; }
        public long? WeightG { get; private set; }
        public long? DoseUgPerKg { get; private set; }
        public long? ProgrammedDoseUg { get; private set; }
        public decimal? ConcentrationMgPerMl => ConcentrationUgPerMl is long c && c > 0 ? c / 1000m : null;
        public decimal? WeightKg => WeightG is long w && w > 0 ? w / 1000m : null;
        public decimal? DoseMgPerKg => DoseUgPerKg is long d && d > 0 ? d / 1000m : null;
        public decimal? ProgrammedDoseMg => ProgrammedDoseUg is long d && d > 0 ? d / 1000m : null;
        public decimal? DeliveredDoseMg => DeliveredUg is long d ? d / 1000m : null;

        /// <summary>The fields this record's format does not carry (empty for format 2).</summary>
        public List<string> AbsentFields
        {
            get
            {
                var absent = new List<string>();
                if (PatientIdStatus == "absent") absent.Add("patientId");
                if (DrugName == null) absent.Add("drugName");
                if (ConcentrationUgPerMl == null) absent.Add("concentration");
                if (WeightG == null) absent.Add("weight");
                if (DoseUgPerKg == null) absent.Add("dosePerKg");
                if (ProgrammedDoseUg == null) absent.Add("programmedDose");
                return absent;
            }
        }

        private bool _detailsSeen;
        private readonly char[] _name = new char[DrugEntry.MaxNameChars];
        private int _nameLength = -1;
        private int _namePartsSeen;

        internal void SetPatient(int low, int high)
        {
            _detailsSeen = true;
            long id = PatientIdCode.FromWords(low, high);
            if (id == PatientIdCode.None)
            {
                PatientIdStatus = "no-id";
                return;
            }
            if (!PatientIdCode.IsValid(id))
            {
                PatientIdStatus = "unreadable";
                return;
            }
            var chars = new char[PatientIdCode.Length(id)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = PatientIdCode.CharAt(id, i);
            }
            PatientId = new string(chars);
            PatientIdStatus = "entered";
        }

        internal void SetDetail(int tag, int value)
        {
            _detailsSeen = true;
            switch (tag)
            {
                case ProgramDetail.ConcentrationUgPerMl: ConcentrationUgPerMl = value; break;
                case ProgramDetail.WeightG: WeightG = value; break;
                case ProgramDetail.DoseUgPerKg: DoseUgPerKg = value; break;
                case ProgramDetail.TotalDoseUg: ProgrammedDoseUg = value; break;
            }
        }

        /// <summary>Adds one logged part of the name; the name is set once every part of it has arrived.</summary>
        internal void AddNamePart(int arg0, int arg1)
        {
            _detailsSeen = true;
            int part = (arg0 & 0xFF) / 32;
            int length = (arg0 & 0xFF) % 32;
            if (length < 1 || length > DrugEntry.MaxNameChars || (_nameLength >= 0 && length != _nameLength))
            {
                return;
            }
            _nameLength = length;
            int at = part * SessionRecordEvents.NameCharsPerPart;
            for (int i = 0; i < SessionRecordEvents.NameCharsPerPart && at + i < length; i++)
            {
                int ch = i < 3 ? (arg0 >> (8 * (i + 1))) & 0xFF : (arg1 >> (8 * (i - 3))) & 0xFF;
                _name[at + i] = ch >= ' ' && ch <= '~' ? (char)ch : '?';
            }
            _namePartsSeen |= 1 << part;
            int parts = (length + SessionRecordEvents.NameCharsPerPart - 1) / SessionRecordEvents.NameCharsPerPart;
            if (_namePartsSeen == (1 << parts) - 1)
            {
                DrugName = new string(_name, 0, length);
            }
        }

        public uint? LibraryRevision { get; init; }
        public long? ProgrammedVolumeUl { get; init; }
        public int? BaselineSystolicMmHg { get; init; }
        public EventVitalSigns? StartVitals { get; set; }
        public List<SessionEvent> SoftLimitOverrides { get; init; } = [];
        public string Outcome { get; set; } = "open";
        public long? DeliveredUl { get; set; }
        public long? DeliveredUg { get; set; }
        public bool DoseFinal { get; set; }
        public List<SessionEvent> Events { get; } = [];
    }
}
