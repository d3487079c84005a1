namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// DS3231 time registers (0x00–0x06, BCD) ↔ seconds since 1970-01-01 UTC. The clock is kept in
    /// UTC, 24-hour mode. Years 2000–2199 (century bit in the month register). Any field out of range
    /// (a corrupted read, an unset clock) is refused rather than guessed.
    /// </summary>
    public static class Ds3231Codec
    {
        /// <summary>Status register bit 7: the oscillator stopped (power lost) since the clock was last set.</summary>
        public const byte OscillatorStopFlag = 0x80;

        /// <summary>Decodes registers 0x00..0x06 in <paramref name="regs"/>[offset..offset+7).</summary>
        public static bool TryDecode(byte[] regs, int offset, out long utcSeconds)
        {
            utcSeconds = 0;
            int second, minute, hour, day, month, year;
            if (!TryBcd((byte)(regs[offset] & 0x7F), 59, out second) || !TryBcd((byte)(regs[offset + 1] & 0x7F), 59, out minute))
            {
                return false;
            }

            byte hourReg = regs[offset + 2];
            if ((hourReg & 0x40) != 0)
            {
                // 12-hour mode: bit 5 = PM, hours 1..12.
                int h12;
                if (!TryBcd((byte)(hourReg & 0x1F), 12, out h12) || h12 == 0)
                {
                    return false;
                }

                bool pm = (hourReg & 0x20) != 0;
                hour = (h12 % 12) + (pm ? 12 : 0);
            }
            else if (!TryBcd((byte)(hourReg & 0x3F), 23, out hour))
            {
                return false;
            }

            if (!TryBcd((byte)(regs[offset + 4] & 0x3F), 31, out day) || day == 0
                || !TryBcd((byte)(regs[offset + 5] & 0x1F), 12, out month) || month == 0
                || !TryBcd(regs[offset + 6], 99, out year))
            {
                return false;
            }

            year += (regs[offset + 5] & 0x80) != 0 ? 2100 : 2000;
            if (day > DaysInMonth(year, month))
            {
                return false;
            }

            utcSeconds = (DaysFromCivil(year, month, day) * 86400L) + (hour * 3600L) + (minute * 60L) + second;
            return true;
        }

        /// <summary>Encodes a UTC time (2000–2199) into registers 0x00..0x06 (24-hour mode).</summary>
        public static bool TryEncode(long utcSeconds, byte[] regs, int offset)
        {
            if (utcSeconds < 946684800L)
            {
                return false;
            }

            long days = utcSeconds / 86400L;
            long secondsOfDay = utcSeconds % 86400L;
            int year, month, day;
            CivilFromDays(days, out year, out month, out day);
            if (year > 2199)
            {
                return false;
            }

            regs[offset] = ToBcd((int)(secondsOfDay % 60));
            regs[offset + 1] = ToBcd((int)((secondsOfDay / 60) % 60));
            regs[offset + 2] = ToBcd((int)(secondsOfDay / 3600));
            regs[offset + 3] = (byte)((((days + 3) % 7) + 7) % 7 + 1); // 1970-01-01 was a Thursday; 1 = Monday
            regs[offset + 4] = ToBcd(day);
            regs[offset + 5] = (byte)(ToBcd(month) | (year >= 2100 ? 0x80 : 0));
            regs[offset + 6] = ToBcd(year % 100);
            return true;
        }

        /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).</summary>
        public static long DaysFromCivil(int year, int month, int day)
        {
            int y = month <= 2 ? year - 1 : year;
            int era = (y >= 0 ? y : y - 399) / 400;
            int yoe = y - (era * 400);
            int mp = month > 2 ? month - 3 : month + 9;
            int doy = ((153 * mp) + 2) / 5 + day - 1;
            int doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
            return (era * 146097L) + doe - 719468L;
        }

        /// <summary>Inverse of <see cref="DaysFromCivil"/>.</summary>
        public static void CivilFromDays(long days, out int year, out int month, out int day)
        {
            long z = days + 719468L;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - (era * 146097);
            long yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
            long doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
            long mp = ((5 * doy) + 2) / 153;
            day = (int)(doy - (((153 * mp) + 2) / 5) + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = (int)(yoe + (era * 400) + (month <= 2 ? 1 : 0));
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
        }

        private static bool TryBcd(byte value, int max, out int result)
        {
            int high = value >> 4;
            int low = value & 0x0F;
            result = (high * 10) + low;
            return high <= 9 && low <= 9 && result <= max;
        }

        private static byte ToBcd(int value)
        {
            return (byte)(((value / 10) << 4) | (value % 10));
        }
    }
}
