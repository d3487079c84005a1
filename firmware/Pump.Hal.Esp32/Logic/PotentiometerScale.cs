namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// Linear potentiometer on an ESP32 ADC1 channel → plunger-driver travel in micrometres.
    /// Two-point calibration (hardware-docs/calibration.md): the ADC reading at the fully withdrawn end
    /// and at a measured travel. Readings near the rails (open or shorted wiper, broken ground or
    /// supply) or outside the calibrated span by more than the margin are refused. Integer only.
    /// </summary>
    public sealed class PotentiometerScale
    {
        private readonly int _countsAtZero;
        private readonly int _countsAtSpan;
        private readonly int _spanMicrometres;
        private readonly int _railMarginCounts;
        private readonly int _maxCounts;
        private readonly int _outOfSpanMicrometres;

        /// <param name="countsAtZero">ADC reading with the pusher fully withdrawn.</param>
        /// <param name="countsAtSpan">ADC reading at <paramref name="spanMicrometres"/> of travel.</param>
        /// <param name="spanMicrometres">Measured travel between the two calibration points.</param>
        /// <param name="maxCounts">Full-scale ADC value (4095 for the ESP32's 12 bits).</param>
        /// <param name="railMarginCounts">Readings this close to 0 or full scale are faults.</param>
        /// <param name="outOfSpanMicrometres">Tolerated travel outside the calibrated span.</param>
        public PotentiometerScale(int countsAtZero, int countsAtSpan, int spanMicrometres, int maxCounts, int railMarginCounts, int outOfSpanMicrometres)
        {
            _countsAtZero = countsAtZero;
            _countsAtSpan = countsAtSpan;
            _spanMicrometres = spanMicrometres;
            _maxCounts = maxCounts;
            _railMarginCounts = railMarginCounts;
            _outOfSpanMicrometres = outOfSpanMicrometres;
        }

        /// <summary>False when the calibration itself is unusable (too small a span, points at the rails).</summary>
        public bool IsCalibrationValid
        {
            get
            {
                int diff = _countsAtSpan - _countsAtZero;
                if (diff < 0)
                {
                    diff = -diff;
                }

                return _spanMicrometres > 0 && diff >= 100
                    && InsideRails(_countsAtZero) && InsideRails(_countsAtSpan);
            }
        }

        /// <summary>Converts an averaged ADC reading; false for a wiring fault or an out-of-span reading.</summary>
        public bool TryConvert(int counts, out int travelMicrometres)
        {
            travelMicrometres = 0;
            if (!IsCalibrationValid || !InsideRails(counts))
            {
                return false;
            }

            long numerator = (long)(counts - _countsAtZero) * _spanMicrometres;
            long denominator = _countsAtSpan - _countsAtZero;
            long travel = numerator / denominator;   // truncates toward zero; sub-µm detail is noise anyway
            if (travel < -_outOfSpanMicrometres || travel > (long)_spanMicrometres + _outOfSpanMicrometres)
            {
                return false;
            }

            travelMicrometres = (int)travel;
            return true;
        }

        private bool InsideRails(int counts)
        {
            return counts >= _railMarginCounts && counts <= _maxCounts - _railMarginCounts;
        }
    }
}
