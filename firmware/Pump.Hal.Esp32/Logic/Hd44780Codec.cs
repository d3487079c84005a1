namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// HD44780 text display driven in 4-bit mode through a PCF8574 I2C backpack (the common
    /// "LCD2004 + I2C" module). Backpack wiring: P0 = RS, P1 = RW, P2 = E, P3 = backlight, P4–P7 = D4–D7.
    /// Every nibble is written twice (E high, then E low: the display latches on the falling edge),
    /// so one byte costs four I2C data bytes. At 100 kHz each I2C byte takes ~90 µs, longer than the
    /// HD44780's 37 µs per-character execution time, so no busy polling is needed for characters.
    /// </summary>
    public static class Hd44780Codec
    {
        public const byte RegisterSelect = 0x01;
        public const byte Enable = 0x04;
        public const byte Backlight = 0x08;

        /// <summary>DDRAM address of the first column of each row of a 20×4 display.</summary>
        private static readonly byte[] RowStart = { 0x00, 0x40, 0x14, 0x54 };

        /// <summary>I2C bytes one display byte needs.</summary>
        public const int BytesPerDisplayByte = 4;

        /// <summary>Writes one command or data byte as four backpack bytes at buffer[offset..]; returns the next offset.</summary>
        public static int Encode(byte value, bool isData, byte[] buffer, int offset)
        {
            byte control = (byte)(Backlight | (isData ? RegisterSelect : 0));
            byte high = (byte)((value & 0xF0) | control);
            byte low = (byte)(((value << 4) & 0xF0) | control);
            buffer[offset] = (byte)(high | Enable);
            buffer[offset + 1] = high;
            buffer[offset + 2] = (byte)(low | Enable);
            buffer[offset + 3] = low;
            return offset + 4;
        }

        /// <summary>Writes a single nibble (used only by the power-on 8-bit → 4-bit switch); returns the next offset.</summary>
        public static int EncodeNibble(byte nibble, byte[] buffer, int offset)
        {
            byte value = (byte)(((nibble << 4) & 0xF0) | Backlight);
            buffer[offset] = (byte)(value | Enable);
            buffer[offset + 1] = value;
            return offset + 2;
        }

        /// <summary>"Set DDRAM address" command for column 0 of <paramref name="row"/>.</summary>
        public static byte SetAddressCommand(int row)
        {
            return (byte)(0x80 | RowStart[row]);
        }

        /// <summary>Maps a char to the display's ROM (A00): printable ASCII passes, anything else is '?'.</summary>
        public static byte ToDisplayByte(char c)
        {
            return c >= ' ' && c <= '}' ? (byte)c : (byte)'?';
        }

        /// <summary>
        /// Encodes "go to row" plus the row's characters into <paramref name="buffer"/>
        /// (at least (columns + 1) × 4 bytes); returns the byte count to send.
        /// </summary>
        public static int EncodeRow(int row, char[] text, int columns, byte[] buffer)
        {
            int at = Encode(SetAddressCommand(row), false, buffer, 0);
            for (int i = 0; i < columns; i++)
            {
                char c = i < text.Length ? text[i] : ' ';
                at = Encode(ToDisplayByte(c), true, buffer, at);
            }

            return at;
        }
    }
}
