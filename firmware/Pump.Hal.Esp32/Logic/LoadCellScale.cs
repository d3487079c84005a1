namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// NAU7802 24-bit load-cell conversion → force in millinewtons (compression positive).
    /// Zero and span come from the two-point calibration (hardware-docs/calibration.md):
    /// <c>zeroCounts</c> with no load, and <c>spanCounts</c> counts more under a reference load of
    /// <c>spanMilliNewtons</c>. A saturated reading (open or shorted bridge, overload) is refused.
    /// </summary>
    public sealed class LoadCellScale
    {
        /// <summary>Largest magnitude a 24-bit two's-complement result can take.</summary>
        public const int FullScaleCounts = 8388607;

        private readonly int _zeroCounts;
        private readonly int _spanCounts;
        private readonly int _spanMilliNewtons;
        private readonly int _saturationMarginCounts;

        public LoadCellScale(int zeroCounts, int spanCounts, int spanMilliNewtons, int saturationMarginCounts)
        {
            _zeroCounts = zeroCounts;
            _spanCounts = spanCounts;
            _spanMilliNewtons = spanMilliNewtons;
            _saturationMarginCounts = saturationMarginCounts;
        }

        /// <summary>True when the calibration can be used (non-zero span in the compression direction or inverted wiring).</summary>
        public bool IsCalibrationValid
        {
            get { return _spanMilliNewtons > 0 && (_spanCounts >= 1000 || _spanCounts <= -1000); }
        }

        /// <summary>Sign-extends the three data bytes (ADCO_B2, B1, B0; most significant first).</summary>
        public static int FromBytes(byte b2, byte b1, byte b0)
        {
            int raw = (b2 << 16) | (b1 << 8) | b0;
            if ((raw & 0x800000) != 0)
            {
                raw -= 0x1000000;
            }

            return raw;
        }

        /// <summary>Converts raw counts; false when the reading is saturated or the calibration unusable.</summary>
        public bool TryConvert(int rawCounts, out int forceMilliNewtons)
        {
            forceMilliNewtons = 0;
            if (!IsCalibrationValid)
            {
                return false;
            }

            int magnitude = rawCounts < 0 ? -rawCounts : rawCounts;
            if (magnitude > FullScaleCounts - _saturationMarginCounts)
            {
                return false;
            }

            long force = ((long)rawCounts - _zeroCounts) * _spanMilliNewtons / _spanCounts;
            if (force > int.MaxValue || force < int.MinValue)
            {
                return false;
            }

            forceMilliNewtons = (int)force;
            return true;
        }
    }
}
