namespace Pump.Core.Library
{
    /// <summary>
    /// Rules a sign-off must pass: two named people (1..31 printable ASCII each, no leading or trailing
    /// space) who are not the same person (compared ignoring case and spaces), and a real calendar
    /// date in 2000..2099. Whether the approved CRC matches the content is the codec's check.
    /// </summary>
    public static class SignOffChecks
    {
        public const int FirstYear = 2000;

        public const int LastYear = 2099;

        /// <summary>Null when the sign-off is well formed; otherwise the refusal.</summary>
        public static LibraryLoadResult? Check(LibrarySignOff signOff)
        {
            if (!IsValidName(signOff.Author))
            {
                return LibraryLoadResult.Refused(LibraryError.BadSignOff, "LIB AUTHOR BAD",
                    "sign-off author must be 1.." + LibrarySignOff.MaxNameChars.ToString()
                    + " printable ASCII characters without leading or trailing spaces");
            }

            if (!IsValidName(signOff.Reviewer))
            {
                return LibraryLoadResult.Refused(LibraryError.BadSignOff, "LIB REVIEWER BAD",
                    "sign-off reviewer must be 1.." + LibrarySignOff.MaxNameChars.ToString()
                    + " printable ASCII characters without leading or trailing spaces");
            }

            if (SamePerson(signOff.Author, signOff.Reviewer))
            {
                return LibraryLoadResult.Refused(LibraryError.SameSigner, "LIB SAME SIGNER",
                    "author and reviewer are the same person (\"" + signOff.Author + "\"); a second person must review");
            }

            if (!IsValidDate(signOff.DateYyyymmdd))
            {
                return LibraryLoadResult.Refused(LibraryError.BadSignOff, "LIB SIGN DATE BAD",
                    "sign-off date " + signOff.DateYyyymmdd.ToString() + " is not a calendar date yyyymmdd in "
                    + FirstYear.ToString() + ".." + LastYear.ToString());
            }

            return null;
        }

        public static bool IsValidName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > LibrarySignOff.MaxNameChars)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] < ' ' || name[i] > '~')
                {
                    return false;
                }
            }

            return name[0] != ' ' && name[name.Length - 1] != ' ';
        }

        /// <summary>A valid date yyyymmdd between 2000-01-01 and 2099-12-31.</summary>
        public static bool IsValidDate(int yyyymmdd)
        {
            int year = yyyymmdd / 10000;
            int month = yyyymmdd / 100 % 100;
            int day = yyyymmdd % 100;
            if (yyyymmdd < 0 || year < FirstYear || year > LastYear || month < 1 || month > 12 || day < 1)
            {
                return false;
            }

            return day <= DaysInMonth(year, month);
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                // 2000..2099: every fourth year is a leap year (2000 is one).
                return year % 4 == 0 ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        /// <summary>Same letters and digits ignoring ASCII case and spaces: "A. Smith" and "a.smith" are one person.</summary>
        private static bool SamePerson(string a, string b)
        {
            int i = 0;
            int j = 0;
            while (true)
            {
                while (i < a.Length && a[i] == ' ')
                {
                    i++;
                }

                while (j < b.Length && b[j] == ' ')
                {
                    j++;
                }

                if (i == a.Length || j == b.Length)
                {
                    return i == a.Length && j == b.Length;
                }

                if (Fold(a[i]) != Fold(b[j]))
                {
                    return false;
                }

                i++;
                j++;
            }
        }

        private static char Fold(char c)
        {
            return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
        }
    }
}
