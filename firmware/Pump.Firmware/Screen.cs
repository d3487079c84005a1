using Pump.Hal;

namespace Pump.Firmware
{
    /// <summary>Whole-screen messages outside the core (self-test and safe halt only; allocates, never used per tick).</summary>
    public static class Screen
    {
        public static void Show(IDisplay display, string row0, string row1, string row2, string row3)
        {
            Row(display, 0, row0);
            Row(display, 1, row1);
            Row(display, 2, row2);
            Row(display, 3, row3);
        }

        private static void Row(IDisplay display, int row, string text)
        {
            char[] line = new char[display.Columns];
            for (int i = 0; i < line.Length; i++)
            {
                line[i] = i < text.Length ? text[i] : ' ';
            }

            display.WriteRow(row, line);
        }
    }
}
