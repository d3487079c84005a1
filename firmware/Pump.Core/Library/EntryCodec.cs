namespace Pump.Core.Library
{
    /// <summary>
    /// One drug entry's bytes inside the library binary (layout in hardware-docs/drug-library.md). Reads are
    /// bounds-checked against the end of the entries; field values are range-checked before they are narrowed.
    /// </summary>
    internal static class EntryCodec
    {
        /// <summary>Largest encoded entry: 20-char name, 8 concentrations.</summary>
        public const int MaxBytes = 5 + DrugEntry.MaxNameChars + 1 + DrugEntry.MaxConcentrations * 4 + 4 + 24
            + DrugEntry.StoredLimitCount * LimitBlockBytes + 4;

        private const int LimitBlockBytes = 32;

        /// <summary>Reads the entry at b[p..end) and advances p; null and the entry, or the refusal naming the entry.</summary>
        public static LibraryLoadResult? Read(byte[] b, ref int p, int end, int index, out DrugEntry? entry)
        {
            entry = null;

            // Fixed part up to the name: id (2), mode (1), flags (1), name length (1).
            if (end - p < 5)
            {
                return Truncated(index);
            }

            int drugId = LibraryBytes.GetU16(b, p);
            byte mode = b[p + 2];
            byte flags = b[p + 3];
            int nameLength = b[p + 4];
            p += 5;
            if ((flags & 0xFE) != 0)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadFlags, index, drugId, string.Empty, "BAD FLAGS",
                    "unknown flag bits 0x" + flags.ToString("X2"));
            }

            if (nameLength == 0 || nameLength > DrugEntry.MaxNameChars)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadName, index, drugId, string.Empty, "BAD NAME",
                    "name length " + nameLength.ToString() + " is not 1.." + DrugEntry.MaxNameChars.ToString());
            }

            if (end - p < nameLength + 1)
            {
                return Truncated(index);
            }

            char[] name = new char[nameLength];
            for (int i = 0; i < nameLength; i++)
            {
                byte c = b[p + i];
                if (c < 0x20 || c > 0x7E)
                {
                    return LibraryLoadResult.RefusedEntry(LibraryError.BadName, index, drugId, string.Empty, "BAD NAME",
                        "name byte " + i.ToString() + " is not printable ASCII");
                }

                name[i] = (char)c;
            }

            p += nameLength;
            int concCount = b[p++];
            if (concCount > DrugEntry.MaxConcentrations)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadConcentrationList, index, drugId, new string(name), "CONC LIST",
                    concCount.ToString() + " concentrations, at most " + DrugEntry.MaxConcentrations.ToString());
            }

            int rest = concCount * 4 + 4 + 24 + DrugEntry.StoredLimitCount * LimitBlockBytes + 4;
            if (end - p < rest)
            {
                return Truncated(index);
            }

            int[] concentrations = new int[concCount];
            for (int i = 0; i < concCount; i++)
            {
                uint c = LibraryBytes.GetU32(b, p);
                p += 4;
                if (c > int.MaxValue)
                {
                    return LibraryLoadResult.RefusedEntry(LibraryError.BadConcentrationList, index, drugId, new string(name), "CONC LIST",
                        "concentration " + c.ToString() + " ug/mL is out of range");
                }

                concentrations[i] = (int)c;
            }

            uint defaultConc = LibraryBytes.GetU32(b, p);
            p += 4;
            long defaultDose = LibraryBytes.GetI64(b, p);
            long defaultDuration = LibraryBytes.GetI64(b, p + 8);
            long defaultRate = LibraryBytes.GetI64(b, p + 16);
            p += 24;
            Limits[] limits = new Limits[DrugEntry.StoredLimitCount];
            for (int k = 0; k < DrugEntry.StoredLimitCount; k++)
            {
                limits[k] = new Limits(LibraryBytes.GetI64(b, p), LibraryBytes.GetI64(b, p + 8), LibraryBytes.GetI64(b, p + 16), LibraryBytes.GetI64(b, p + 24));
                p += LimitBlockBytes;
            }

            uint vitalsAge = LibraryBytes.GetU32(b, p);
            p += 4;
            if (defaultConc > int.MaxValue)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.DefaultConcentrationNotInList, index, drugId, new string(name), "DEFAULT CONC",
                    "default concentration " + defaultConc.ToString() + " ug/mL is out of range");
            }

            if (vitalsAge > int.MaxValue)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadPlaceholder, index, drugId, new string(name), "VITALS AGE",
                    "baseline vitals max age " + vitalsAge.ToString() + " s is out of range");
            }

            entry = new DrugEntry(drugId, new string(name), (DoseMode)mode, (flags & 1) != 0, concentrations, (int)defaultConc,
                defaultDose, defaultDuration, defaultRate, limits, (int)vitalsAge);
            return null;
        }

        private static LibraryLoadResult Truncated(int index)
        {
            return LibraryLoadResult.Refused(LibraryError.Truncated, "LIB TRUNCATED",
                "entry " + index.ToString() + " runs past the end of the data");
        }

        public static int Bytes(DrugEntry e)
        {
            int conc = e.ConcentrationsUgPerMl == null ? 0 : e.ConcentrationsUgPerMl.Length;
            return 5 + e.Name.Length + 1 + conc * 4 + 4 + 24 + DrugEntry.StoredLimitCount * LimitBlockBytes + 4;
        }

        public static int Put(byte[] b, int p, DrugEntry e)
        {
            p = LibraryBytes.PutU16(b, p, (ushort)e.DrugId);
            b[p++] = (byte)e.Mode;
            b[p++] = (byte)(e.BolusAllowed ? 1 : 0);
            b[p++] = (byte)e.Name.Length;
            for (int i = 0; i < e.Name.Length; i++)
            {
                b[p++] = (byte)e.Name[i];
            }

            int conc = e.ConcentrationsUgPerMl == null ? 0 : e.ConcentrationsUgPerMl.Length;
            b[p++] = (byte)conc;
            for (int i = 0; i < conc; i++)
            {
                p = LibraryBytes.PutU32(b, p, (uint)e.ConcentrationsUgPerMl![i]);
            }

            p = LibraryBytes.PutU32(b, p, (uint)e.DefaultConcentrationUgPerMl);
            p = LibraryBytes.PutI64(b, p, e.DefaultDoseUgPerKg);
            p = LibraryBytes.PutI64(b, p, e.DefaultDurationS);
            p = LibraryBytes.PutI64(b, p, e.DefaultRateNlPerH);
            for (int k = 0; k < DrugEntry.StoredLimitCount; k++)
            {
                Limits l = e.GetLimits((LimitKind)k);
                p = LibraryBytes.PutI64(b, p, l.HardMin);
                p = LibraryBytes.PutI64(b, p, l.SoftMin);
                p = LibraryBytes.PutI64(b, p, l.SoftMax);
                p = LibraryBytes.PutI64(b, p, l.HardMax);
            }

            return LibraryBytes.PutU32(b, p, (uint)e.BaselineVitalsMaxAgeS);
        }
    }
}
