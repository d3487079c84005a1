using Pump.Core.Common;
using Pump.Hal;

namespace Pump.Core.Panel
{
    /// <summary>
    /// The text the panel shows, composed in preallocated rows and sent to the display only for rows
    /// that changed. Writers clip at the row end and never allocate (PNL-006).
    /// </summary>
    public sealed class ScreenBuffer
    {
        public const int Columns = 20;
        public const int Rows = 4;

        private readonly char[][] _rows = new char[Rows][];
        private readonly char[][] _shown = new char[Rows][];
        private readonly char[] _number = new char[FixedPoint.MaxChars];
        private bool _forceAll = true;

        public ScreenBuffer()
        {
            for (int r = 0; r < Rows; r++)
            {
                _rows[r] = new char[Columns];
                _shown[r] = new char[Columns];
            }

            Clear();
        }

        /// <summary>Blanks every row.</summary>
        public void Clear()
        {
            for (int r = 0; r < Rows; r++)
            {
                ClearRow(r);
            }
        }

        public void ClearRow(int row)
        {
            char[] line = _rows[row];
            for (int c = 0; c < Columns; c++)
            {
                line[c] = ' ';
            }
        }

        /// <summary>Writes text at (row, column); returns the column after it. Clipped at the row end.</summary>
        public int Put(int row, int column, string text)
        {
            char[] line = _rows[row];
            int c = column;
            for (int i = 0; i < text.Length && c < Columns; i++, c++)
            {
                char ch = text[i];
                line[c] = ch >= ' ' && ch <= '~' ? ch : '?';
            }

            return c;
        }

        /// <summary>Writes one character; returns the next column.</summary>
        public int PutChar(int row, int column, char ch)
        {
            if (column < Columns)
            {
                _rows[row][column] = ch;
            }

            return column + 1;
        }

        /// <summary>Writes value / 10^scaleDigits exactly (see FixedPoint); returns the next column.</summary>
        public int PutFixed(int row, int column, long value, int scaleDigits, int minDecimals)
        {
            int n = FixedPoint.Write(value, scaleDigits, minDecimals, _number, 0, _number.Length);
            int c = column;
            for (int i = 0; i < n && c < Columns; i++, c++)
            {
                _rows[row][c] = _number[i];
            }

            return c;
        }

        /// <summary>Writes a whole number; returns the next column.</summary>
        public int PutInteger(int row, int column, long value)
        {
            return PutFixed(row, column, value, 0, 0);
        }

        /// <summary>Writes a duration as h:mm:ss or m:ss.</summary>
        public int PutDuration(int row, int column, long totalSeconds)
        {
            if (totalSeconds < 0)
            {
                totalSeconds = 0;
            }

            long h = totalSeconds / 3600;
            long m = (totalSeconds / 60) % 60;
            long s = totalSeconds % 60;
            int c = column;
            if (h > 0)
            {
                c = PutInteger(row, c, h);
                c = PutChar(row, c, ':');
                c = PutChar(row, c, (char)('0' + (m / 10)));
                c = PutChar(row, c, (char)('0' + (m % 10)));
            }
            else
            {
                c = PutInteger(row, c, m);
            }

            c = PutChar(row, c, ':');
            c = PutChar(row, c, (char)('0' + (s / 10)));
            return PutChar(row, c, (char)('0' + (s % 10)));
        }

        /// <summary>Character at a position (tests and the simulator's screen reader).</summary>
        public char At(int row, int column)
        {
            return _rows[row][column];
        }

        /// <summary>A row as a string (allocates: tests, logs and the simulator only).</summary>
        public string RowText(int row)
        {
            return new string(_rows[row]);
        }

        /// <summary>Sends changed rows to the display.</summary>
        public void Flush(IDisplay display)
        {
            for (int r = 0; r < Rows && r < display.Rows; r++)
            {
                if (_forceAll || !Same(_rows[r], _shown[r]))
                {
                    display.WriteRow(r, _rows[r]);
                    System.Array.Copy(_rows[r], _shown[r], Columns);
                }
            }

            _forceAll = false;
        }

        /// <summary>Makes the next flush rewrite every row (after a display reset).</summary>
        public void Invalidate()
        {
            _forceAll = true;
        }

        private static bool Same(char[] a, char[] b)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
