namespace Pump.Core.Programming
{
    /// <summary>
    /// The patient identification entered at programming (PRG-014): up to <see cref="MaxLength"/> characters
    /// A–Z and 0–9 (initials, a clinic number or both), packed into a long, character i in byte i and zero bytes
    /// after the last, so it is checked, stored, logged and drawn without strings or allocation. <see cref="None"/>
    /// is the clinician's explicit "no id" choice; <see cref="NotChosen"/> means nothing was chosen yet (a new
    /// program starts there, so one patient's id is never carried over to the next session).
    /// </summary>
    public static class PatientId
    {
        public const int MaxLength = 8;

        /// <summary>"No id" chosen explicitly (logged as such).</summary>
        public const long None = 0;

        /// <summary>Nothing chosen yet: the wizard shows the choice and never confirms a program from here.</summary>
        public const long NotChosen = -1;

        /// <summary>The characters an id may hold, in the order Up walks them.</summary>
        public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

        public static bool IsAllowed(char c)
        {
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        /// <summary>True for <see cref="None"/> or 1..8 allowed characters followed only by zero bytes.</summary>
        public static bool IsValid(long id)
        {
            if (id == None)
            {
                return true;
            }

            if (id < 0)
            {
                return false;
            }

            bool ended = false;
            for (int i = 0; i < MaxLength; i++)
            {
                char c = CharAt(id, i);
                if (c == '\0')
                {
                    ended = true;
                }
                else if (ended || !IsAllowed(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Character i (0-based), or '\0' past the end.</summary>
        public static char CharAt(long id, int i)
        {
            if (id <= 0 || i < 0 || i >= MaxLength)
            {
                return '\0';
            }

            return (char)((id >> (8 * i)) & 0xFF);
        }

        public static int Length(long id)
        {
            int n = 0;
            while (n < MaxLength && CharAt(id, n) != '\0')
            {
                n++;
            }

            return n;
        }

        /// <summary>Packs chars[0..count); <see cref="NotChosen"/> when a character is not allowed or count is out of range.</summary>
        public static long Pack(char[] chars, int count)
        {
            if (count < 0 || count > MaxLength || count > chars.Length)
            {
                return NotChosen;
            }

            long id = 0;
            for (int i = 0; i < count; i++)
            {
                if (!IsAllowed(chars[i]))
                {
                    return NotChosen;
                }

                id |= (long)chars[i] << (8 * i);
            }

            return id;
        }

        /// <summary>Low four characters as an event-log argument.</summary>
        public static int LowWord(long id)
        {
            return (int)(id & 0xFFFFFFFFL);
        }

        /// <summary>High four characters as an event-log argument.</summary>
        public static int HighWord(long id)
        {
            return (int)((id >> 32) & 0xFFFFFFFFL);
        }

        public static long FromWords(int low, int high)
        {
            return ((long)high << 32) | (low & 0xFFFFFFFFL);
        }
    }
}
