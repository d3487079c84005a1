using Pump.Hal;

namespace Pump.Core.Panel
{
    /// <summary>What a key did to an editor.</summary>
    public enum EditResult
    {
        /// <summary>Still editing.</summary>
        Editing = 0,
        /// <summary>The value was confirmed (second deliberate step).</summary>
        Committed = 1,
        /// <summary>The clinician backed out without changing the value.</summary>
        Cancelled = 2,
    }

    /// <summary>
    /// Digit-by-digit entry of a fixed-point number (PNL-002): Up/Down change the digit under the
    /// cursor (wrapping 0–9), OK moves right; OK on the last digit shows the value for confirmation and
    /// a further OK commits it. So changing a value always takes at least two deliberate steps, and a
    /// stray key cannot commit one. Back moves left; Back on the first digit cancels.
    /// </summary>
    public sealed class NumberEditor
    {
        public const int MaxDigits = 6;

        private readonly int[] _digits = new int[MaxDigits];
        private int _digitCount;
        private long _original;

        /// <summary>Decimal places among the digits (display only).</summary>
        public int Decimals { get; private set; }

        /// <summary>Index of the digit under the cursor, 0 = most significant.</summary>
        public int Cursor { get; private set; }

        /// <summary>True once all digits were passed and the value waits for confirmation.</summary>
        public bool Confirming { get; private set; }

        public int DigitCount { get { return _digitCount; } }

        /// <summary>Starts editing a value given in the field's smallest unit (digits include decimals).</summary>
        public void Begin(long value, int digitCount, int decimals)
        {
            _digitCount = digitCount;
            Decimals = decimals;
            _original = value;
            long v = value;
            for (int i = digitCount - 1; i >= 0; i--)
            {
                _digits[i] = (int)(v % 10);
                v /= 10;
            }

            Cursor = 0;
            Confirming = false;
        }

        /// <summary>The value as entered so far, in the field's smallest unit.</summary>
        public long Value
        {
            get
            {
                long v = 0;
                for (int i = 0; i < _digitCount; i++)
                {
                    v = (v * 10) + _digits[i];
                }

                return v;
            }
        }

        /// <summary>The value before editing began.</summary>
        public long Original { get { return _original; } }

        public int DigitAt(int index)
        {
            return _digits[index];
        }

        public EditResult Press(PanelKey key)
        {
            switch (key)
            {
                case PanelKey.Up:
                    if (!Confirming)
                    {
                        _digits[Cursor] = (_digits[Cursor] + 1) % 10;
                    }

                    return EditResult.Editing;
                case PanelKey.Down:
                    if (!Confirming)
                    {
                        _digits[Cursor] = (_digits[Cursor] + 9) % 10;
                    }

                    return EditResult.Editing;
                case PanelKey.Ok:
                    if (Confirming)
                    {
                        return EditResult.Committed;
                    }

                    if (Cursor < _digitCount - 1)
                    {
                        Cursor++;
                    }
                    else
                    {
                        Confirming = true;
                    }

                    return EditResult.Editing;
                case PanelKey.Back:
                    if (Confirming)
                    {
                        Confirming = false;
                        return EditResult.Editing;
                    }

                    if (Cursor > 0)
                    {
                        Cursor--;
                        return EditResult.Editing;
                    }

                    return EditResult.Cancelled;
                default:
                    return EditResult.Editing;
            }
        }

        /// <summary>Draws "  070.0 kg" style text with the cursor digit bracketed.</summary>
        public int Draw(ScreenBuffer screen, int row, int column, string unit)
        {
            int c = column;
            int integerDigits = _digitCount - Decimals;
            for (int i = 0; i < _digitCount; i++)
            {
                if (i == integerDigits && Decimals > 0)
                {
                    c = screen.PutChar(row, c, '.');
                }

                bool atCursor = !Confirming && i == Cursor;
                if (atCursor)
                {
                    c = screen.PutChar(row, c, '[');
                }

                c = screen.PutChar(row, c, (char)('0' + _digits[i]));
                if (atCursor)
                {
                    c = screen.PutChar(row, c, ']');
                }
            }

            c = screen.PutChar(row, c, ' ');
            return screen.Put(row, c, unit);
        }
    }
}
