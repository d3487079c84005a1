using Pump.Hal;

namespace Pump.Core.Panel
{
    /// <summary>What a key did to an editor.</summary>
    public enum EditResult
    {
        /// <summary>Still showing or editing.</summary>
        Editing = 0,
        /// <summary>The value was accepted: the shown value with one OK, or an edited one with OK on its last digit.</summary>
        Committed = 1,
        /// <summary>The clinician backed out without changing the value.</summary>
        Cancelled = 2,
    }

    /// <summary>
    /// Entry of a fixed-point number (PNL-002, PNL-400). A field that has a value (library default or previous)
    /// opens showing it: one OK accepts it, Back leaves. Up/Down open the digit editor at the field's first
    /// digit and change it; then Up/Down change the digit under the cursor (wrapping 0–9), OK moves right and
    /// OK on the last digit commits. So a changed value always takes at least two deliberate presses, and it is
    /// checked against the limits on its own screen and shown again at review. Back moves left; Back on the
    /// first digit restores the shown value (or leaves an empty field).
    /// </summary>
    public sealed class NumberEditor
    {
        public const int MaxDigits = 6;

        private readonly int[] _digits = new int[MaxDigits];
        private int _digitCount;
        private int _firstCursor;
        private long _original;

        /// <summary>Decimal places among the digits (display only).</summary>
        public int Decimals { get; private set; }

        /// <summary>Index of the digit under the cursor, 0 = most significant (meaningful while editing).</summary>
        public int Cursor { get; private set; }

        /// <summary>True while digits are being changed; false while the value is only shown for acceptance.</summary>
        public bool Editing { get; private set; }

        public int DigitCount { get { return _digitCount; } }

        /// <summary>
        /// Starts on a value given in the field's smallest unit (digits include decimals). A value above zero is
        /// shown for acceptance; zero (no value yet) opens the digit editor at <paramref name="firstCursor"/>.
        /// </summary>
        public void Begin(long value, int digitCount, int decimals, int firstCursor)
        {
            _digitCount = digitCount;
            Decimals = decimals;
            _firstCursor = firstCursor < 0 || firstCursor >= digitCount ? 0 : firstCursor;
            _original = value;
            SetDigits(value);
            Cursor = _firstCursor;
            Editing = value <= 0;
        }

        /// <summary>Opens the digit editor on a value that was refused or flagged, at the field's first digit.</summary>
        public void Reopen(long value)
        {
            SetDigits(value);
            Cursor = _firstCursor;
            Editing = true;
        }

        private void SetDigits(long value)
        {
            long v = value < 0 ? 0 : value;
            for (int i = _digitCount - 1; i >= 0; i--)
            {
                _digits[i] = (int)(v % 10);
                v /= 10;
            }
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
            if (!Editing)
            {
                return PressShowing(key);
            }

            switch (key)
            {
                case PanelKey.Up:
                    _digits[Cursor] = (_digits[Cursor] + 1) % 10;
                    return EditResult.Editing;
                case PanelKey.Down:
                    _digits[Cursor] = (_digits[Cursor] + 9) % 10;
                    return EditResult.Editing;
                case PanelKey.Ok:
                    if (Cursor < _digitCount - 1)
                    {
                        Cursor++;
                        return EditResult.Editing;
                    }

                    return EditResult.Committed;
                case PanelKey.Back:
                    if (Cursor > 0)
                    {
                        Cursor--;
                        return EditResult.Editing;
                    }

                    if (_original > 0)
                    {
                        SetDigits(_original);
                        Editing = false;
                        return EditResult.Editing;
                    }

                    return EditResult.Cancelled;
                default:
                    return EditResult.Editing;
            }
        }

        private EditResult PressShowing(PanelKey key)
        {
            switch (key)
            {
                case PanelKey.Ok:
                    return EditResult.Committed;
                case PanelKey.Back:
                    return EditResult.Cancelled;
                case PanelKey.Up:
                case PanelKey.Down:
                    Editing = true;
                    Cursor = _firstCursor;
                    return Press(key);
                default:
                    return EditResult.Editing;
            }
        }

        /// <summary>Draws "070.0 kg" style text, with the cursor digit bracketed while editing.</summary>
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

                bool atCursor = Editing && i == Cursor;
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
