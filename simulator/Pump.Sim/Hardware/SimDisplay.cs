using System;
using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>The 20×4 character display: keeps what the core last wrote to each row.</summary>
    public sealed class SimDisplay : IDisplay
    {
        private readonly char[][] _rows;

        public SimDisplay(int columns = 20, int rows = 4)
        {
            Columns = columns;
            Rows = rows;
            _rows = new char[rows][];
            for (int r = 0; r < rows; r++)
            {
                _rows[r] = new char[columns];
                Array.Fill(_rows[r], ' ');
            }
        }

        public int Columns { get; }

        public int Rows { get; }

        /// <summary>Optional fault: the bus is dead.</summary>
        public bool Failed { get; set; }

        public bool IsHealthy => !Failed;

        /// <summary>Incremented on every row change, so observers can redraw only when needed.</summary>
        public long Version { get; private set; }

        /// <summary>Writes with a wrong length or row (a core defect, counted rather than thrown).</summary>
        public int MalformedWrites { get; private set; }

        public void WriteRow(int row, char[] text)
        {
            if (Failed)
            {
                return;
            }
            if (row < 0 || row >= Rows || text == null || text.Length != Columns)
            {
                MalformedWrites++;
                return;
            }
            if (!text.AsSpan().SequenceEqual(_rows[row]))
            {
                text.AsSpan().CopyTo(_rows[row]);
                Version++;
            }
        }

        /// <summary>Text of one row (allocates: for observers, not the control loop).</summary>
        public string RowText(int row) => new string(_rows[row]);

        public void Clear()
        {
            for (int r = 0; r < Rows; r++)
            {
                Array.Fill(_rows[r], ' ');
            }
            Version++;
        }
    }
}
