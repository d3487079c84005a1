using Pump.Core.Library;

namespace Pump.Core.Programming
{
    /// <summary>
    /// One problem with a program: which quantity, why, the value and the bound, in the quantity's
    /// unit (see <see cref="LimitKind"/>). Rendered as two panel lines of at most 20 chars
    /// ("DOSE 1.20mg/kg" / "> HARD MAX 1.00mg/kg") and as one longer sentence for the log.
    /// The panel writers fill a caller's char[] and allocate nothing.
    /// </summary>
    public sealed class Finding
    {
        public const int PanelLineChars = 20;

        public readonly LimitKind Kind;

        public readonly FindingReason Reason;

        /// <summary>The offending value, in the unit of <see cref="Kind"/>.</summary>
        public readonly long Value;

        /// <summary>The bound crossed (0 where a reason has none), in the unit of <see cref="Kind"/>.</summary>
        public readonly long Limit;

        public Finding(LimitKind kind, FindingReason reason, long value, long limit)
        {
            Kind = kind;
            Reason = reason;
            Value = value;
            Limit = limit;
        }

        /// <summary>Soft findings can be confirmed; every other finding rejects the program.</summary>
        public bool IsSoft
        {
            get { return Reason == FindingReason.BelowSoftMin || Reason == FindingReason.AboveSoftMax; }
        }

        /// <summary>First panel line (what and its value) into dest[offset..]; returns the length (&lt;= 20).</summary>
        public int WriteLine1(char[] dest, int offset)
        {
            int n = 0;
            if (Reason == FindingReason.WrongMode)
            {
                return Put(dest, offset, 0, "WRONG DOSE MODE");
            }

            if (Reason == FindingReason.NoSyringe)
            {
                return Put(dest, offset, 0, "NO SYRINGE");
            }

            n = Put(dest, offset, n, LimitKindText.ShortLabel(Kind));
            n = Put(dest, offset, n, " ");
            int v = LimitKindText.WriteValue(Kind, Value, true, dest, offset + n, PanelLineChars - n);
            if (v > 0)
            {
                return n + v;
            }

            bool high = Reason == FindingReason.AboveHardMax || Reason == FindingReason.AboveSoftMax
                || Reason == FindingReason.TooLarge || Reason == FindingReason.ExceedsSyringe;
            return Put(dest, offset, n, high ? "TOO HIGH" : "TOO LOW");
        }

        /// <summary>Second panel line (the rule and its bound) into dest[offset..]; returns the length (&lt;= 20).</summary>
        public int WriteLine2(char[] dest, int offset)
        {
            string prefix;
            switch (Reason)
            {
                case FindingReason.AboveHardMax: prefix = "> HARD MAX "; break;
                case FindingReason.BelowHardMin: prefix = "< HARD MIN "; break;
                case FindingReason.AboveSoftMax: prefix = "> SOFT MAX "; break;
                case FindingReason.BelowSoftMin: prefix = "< SOFT MIN "; break;
                case FindingReason.ExceedsSyringe: prefix = "> SYRINGE "; break;
                case FindingReason.TooLarge: prefix = "> INPUT MAX "; break;
                case FindingReason.NotInLibrary: return Put(dest, offset, 0, "NOT IN LIBRARY");
                case FindingReason.NotPositive: return Put(dest, offset, 0, "MUST BE ABOVE 0");
                case FindingReason.WrongMode: return Put(dest, offset, 0, "CHECK PROFILE");
                default: return Put(dest, offset, 0, "SELECT SYRINGE");
            }

            int n = Put(dest, offset, 0, prefix);
            int v = LimitKindText.WriteValue(Kind, Limit, true, dest, offset + n, PanelLineChars - n);
            if (v == 0)
            {
                v = LimitKindText.WriteValue(Kind, Limit, false, dest, offset + n, PanelLineChars - n);
            }

            return v > 0 ? n + v : n - 1;
        }

        public string Line1
        {
            get
            {
                char[] buffer = new char[PanelLineChars];
                return new string(buffer, 0, WriteLine1(buffer, 0));
            }
        }

        public string Line2
        {
            get
            {
                char[] buffer = new char[PanelLineChars];
                return new string(buffer, 0, WriteLine2(buffer, 0));
            }
        }

        /// <summary>Both panel lines on one line, e.g. "DOSE 1.20mg/kg &gt; HARD MAX 1.00mg/kg".</summary>
        public string ToShortString()
        {
            return Line1 + " " + Line2;
        }

        /// <summary>A sentence for the event log.</summary>
        public string ToLongString()
        {
            string name = LimitKindText.LongName(Kind);
            string value = LimitKindText.FormatValue(Kind, Value);
            string limit = LimitKindText.FormatValue(Kind, Limit);
            switch (Reason)
            {
                case FindingReason.AboveHardMax:
                    return name + " " + value + " is above the hard maximum " + limit + "; hard limits cannot be overridden";
                case FindingReason.BelowHardMin:
                    return name + " " + value + " is below the hard minimum " + limit + "; hard limits cannot be overridden";
                case FindingReason.AboveSoftMax:
                    return name + " " + value + " is above the soft maximum " + limit + "; starting needs a confirmed override";
                case FindingReason.BelowSoftMin:
                    return name + " " + value + " is below the soft minimum " + limit + "; starting needs a confirmed override";
                case FindingReason.NotInLibrary:
                    return name + " " + value + " is not one of this drug's library concentrations";
                case FindingReason.ExceedsSyringe:
                    return name + " " + value + " does not fit the loaded syringe (usable " + limit + ")";
                case FindingReason.NotPositive:
                    return name + " " + value + " must be above 0";
                case FindingReason.TooLarge:
                    return name + " " + value + " is above the largest accepted entry " + limit;
                case FindingReason.WrongMode:
                    return "the drug profile's dose mode does not match how it was programmed";
                default:
                    return "no valid syringe is selected";
            }
        }

        // Appends text at dest[offset+n..] if it fits in the panel line; returns the new length.
        private static int Put(char[] dest, int offset, int n, string text)
        {
            if (n + text.Length > PanelLineChars)
            {
                return n;
            }

            for (int i = 0; i < text.Length; i++)
            {
                dest[offset + n + i] = text[i];
            }

            return n + text.Length;
        }
    }
}
