using Pump.Core.Panel;

namespace Pump.Core.Service
{
    /// <summary>UTC seconds as "YYYY-MM-DD HH:MM" on the panel, by integer civil-date arithmetic (no DateTime on the core's path).</summary>
    public static class CalendarText
    {
        /// <summary>Year, month (1-12) and day (1-31) of a count of days since 1970-01-01 (proleptic Gregorian).</summary>
        public static void CivilFromDays(long days, out long year, out int month, out int day)
        {
            long z = days + 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            day = (int)(doy - (153 * mp + 2) / 5 + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        }

        /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (the inverse of <see cref="CivilFromDays"/>).</summary>
        public static long DaysFromCivil(long year, int month, int day)
        {
            long y = month <= 2 ? year - 1 : year;
            long era = (y >= 0 ? y : y - 399) / 400;
            long yoe = y - era * 400;
            long mp = month > 2 ? month - 3 : month + 9;
            long doy = (153 * mp + 2) / 5 + day - 1;
            long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            return era * 146097 + doe - 719468;
        }

        /// <summary>Days in a month of a year (Gregorian leap years).</summary>
        public static int DaysInMonth(long year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        /// <summary>Writes the date and time at (row, column); returns the column after it.</summary>
        public static int PutDateTime(ScreenBuffer screen, int row, int column, long utcSeconds)
        {
            long days = utcSeconds >= 0 ? utcSeconds / 86400 : (utcSeconds - 86399) / 86400;
            long secondsOfDay = utcSeconds - days * 86400;
            long year;
            int month;
            int day;
            CivilFromDays(days, out year, out month, out day);
            int c = screen.PutInteger(row, column, year);
            c = screen.PutChar(row, c, '-');
            c = PutTwo(screen, row, c, month);
            c = screen.PutChar(row, c, '-');
            c = PutTwo(screen, row, c, day);
            c = screen.PutChar(row, c, ' ');
            c = PutTwo(screen, row, c, (int)(secondsOfDay / 3600));
            c = screen.PutChar(row, c, ':');
            return PutTwo(screen, row, c, (int)(secondsOfDay % 3600 / 60));
        }

        private static int PutTwo(ScreenBuffer screen, int row, int column, int value)
        {
            int c = screen.PutChar(row, column, (char)('0' + value / 10));
            return screen.PutChar(row, c, (char)('0' + value % 10));
        }
    }
}
