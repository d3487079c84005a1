namespace Pump.Hal
{
    /// <summary>
    /// A fixed-size character display (ESP32: 20×4 HD44780 over an I2C backpack).
    /// Text is ASCII; each write replaces one whole row. Failure: the port retries the bus on the
    /// next write; a display that stays dead is reported by IsHealthy and raises a technical alarm
    /// (a pump the clinician cannot read must not infuse).
    /// </summary>
    public interface IDisplay
    {
        /// <summary>Characters per row.</summary>
        int Columns { get; }

        /// <summary>Rows.</summary>
        int Rows { get; }

        /// <summary>Writes row <paramref name="row"/> from exactly <see cref="Columns"/> characters.</summary>
        void WriteRow(int row, char[] text);

        /// <summary>False after the port failed to reach the display.</summary>
        bool IsHealthy { get; }
    }
}
