using Pump.Core.Programming;
using Pump.Hal;

namespace Pump.Core.Panel
{
    /// <summary>
    /// Entry of the patient identification with four keys (PNL-405). A new program opens on the explicit choice
    /// "NO ID": OK takes it (logged as such), Up/Down start an id instead. While editing, Up/Down walk the
    /// character under the cursor through A–Z, 0–9 (and, after the first, a blank that ends the id); OK moves
    /// right, and OK on a blank or on the last character commits. Back moves left; Back on the first character
    /// returns to what was shown. An id already chosen for this program is shown and kept with one OK.
    /// </summary>
    public sealed class PatientIdEditor
    {
        private readonly char[] _chars = new char[PatientId.MaxLength];
        private long _shown;

        /// <summary>True while characters are being changed.</summary>
        public bool Editing { get; private set; }

        /// <summary>Index of the character under the cursor (meaningful while editing).</summary>
        public int Cursor { get; private set; }

        /// <summary>The id as entered so far (<see cref="PatientId.None"/> while the "no id" choice is shown).</summary>
        public long Value
        {
            get
            {
                if (!Editing)
                {
                    return _shown == PatientId.NotChosen ? PatientId.None : _shown;
                }

                int n = 0;
                while (n < PatientId.MaxLength && _chars[n] != '\0')
                {
                    n++;
                }

                return n == 0 ? PatientId.None : PatientId.Pack(_chars, n);
            }
        }

        /// <summary>Shows the current choice: <see cref="PatientId.NotChosen"/> shows "NO ID" for acceptance.</summary>
        public void Begin(long current)
        {
            _shown = PatientId.IsValid(current) ? current : PatientId.NotChosen;
            Editing = false;
            Cursor = 0;
            Load(_shown);
        }

        private void Load(long id)
        {
            for (int i = 0; i < PatientId.MaxLength; i++)
            {
                _chars[i] = PatientId.CharAt(id, i);
            }
        }

        public char CharAt(int i)
        {
            return i >= 0 && i < PatientId.MaxLength ? _chars[i] : '\0';
        }

        public EditResult Press(PanelKey key)
        {
            if (!Editing)
            {
                if (key == PanelKey.Ok)
                {
                    return EditResult.Committed;
                }

                if (key == PanelKey.Back)
                {
                    return EditResult.Cancelled;
                }

                if (key != PanelKey.Up && key != PanelKey.Down)
                {
                    return EditResult.Editing;
                }

                Editing = true;
                Cursor = 0;
            }

            switch (key)
            {
                case PanelKey.Up:
                case PanelKey.Down:
                    _chars[Cursor] = Step(_chars[Cursor], key == PanelKey.Up, Cursor > 0);
                    ClearAfter(_chars[Cursor] == '\0' ? Cursor : PatientId.MaxLength);
                    return EditResult.Editing;
                case PanelKey.Ok:
                    if (_chars[Cursor] == '\0' || Cursor == PatientId.MaxLength - 1)
                    {
                        return EditResult.Committed;
                    }

                    Cursor++;
                    return EditResult.Editing;
                case PanelKey.Back:
                    if (Cursor > 0)
                    {
                        Cursor--;
                        return EditResult.Editing;
                    }

                    Load(_shown);
                    Editing = false;
                    return EditResult.Editing;
                default:
                    return EditResult.Editing;
            }
        }

        /// <summary>A blank ends the id: nothing may follow it.</summary>
        private void ClearAfter(int from)
        {
            for (int i = from + 1; i < PatientId.MaxLength; i++)
            {
                _chars[i] = '\0';
            }
        }

        /// <summary>The next character in the alphabet's order; a blank sits between 9 and A where it is allowed.</summary>
        private static char Step(char c, bool up, bool blankAllowed)
        {
            string a = PatientId.Alphabet;
            int n = a.Length;
            int slots = blankAllowed ? n + 1 : n;
            // Slot n is the blank; a blank where none is allowed is treated as the slot before A.
            int at = c == '\0' ? n : a.IndexOf(c);
            if (at < 0)
            {
                at = n;
            }

            int next = up ? at + 1 : at - 1 + slots;
            if (!blankAllowed && at == n)
            {
                next = up ? 0 : n - 1;
            }

            next %= slots;
            return next == n ? '\0' : a[next];
        }

        /// <summary>"ABC[1]" while editing, the id or "NO ID" when shown; returns the column after it.</summary>
        public int Draw(ScreenBuffer s, int row, int column)
        {
            int c = column;
            if (!Editing)
            {
                long id = _shown == PatientId.NotChosen ? PatientId.None : _shown;
                return id == PatientId.None ? s.Put(row, c, "NO ID") : PutId(s, row, c, id);
            }

            for (int i = 0; i < PatientId.MaxLength; i++)
            {
                bool atCursor = i == Cursor;
                if (!atCursor && _chars[i] == '\0')
                {
                    break;
                }

                if (atCursor)
                {
                    c = s.PutChar(row, c, '[');
                }

                c = s.PutChar(row, c, _chars[i] == '\0' ? '_' : _chars[i]);
                if (atCursor)
                {
                    c = s.PutChar(row, c, ']');
                }
            }

            return c;
        }

        /// <summary>Draws a packed id's characters; returns the column after them.</summary>
        public static int PutId(ScreenBuffer s, int row, int column, long id)
        {
            int c = column;
            for (int i = 0; i < PatientId.MaxLength; i++)
            {
                char ch = PatientId.CharAt(id, i);
                if (ch == '\0')
                {
                    break;
                }

                c = s.PutChar(row, c, ch);
            }

            return c;
        }
    }
}
