namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// Health of the character display as seen from its writes (IDisplay contract): one failed write
    /// can be a glitch; <c>failuresBeforeUnhealthy</c> consecutive failures mean the clinician may not
    /// be able to read the pump, so IsHealthy goes false (the core then raises its technical alarm)
    /// and the display must be initialised again before the next row is trusted. A successful write
    /// restores health.
    /// </summary>
    public sealed class DisplayHealth
    {
        private readonly int _failuresBeforeUnhealthy;
        private int _failures;

        public DisplayHealth(int failuresBeforeUnhealthy, bool startHealthy)
        {
            _failuresBeforeUnhealthy = failuresBeforeUnhealthy;
            _failures = startHealthy ? 0 : failuresBeforeUnhealthy;
            NeedsInitialise = !startHealthy;
        }

        public bool IsHealthy { get { return _failures < _failuresBeforeUnhealthy; } }

        /// <summary>True when the next write must first run the display's initialisation sequence.</summary>
        public bool NeedsInitialise { get; private set; }

        public void WriteFailed()
        {
            if (_failures < _failuresBeforeUnhealthy)
            {
                _failures++;
            }

            if (_failures >= _failuresBeforeUnhealthy)
            {
                NeedsInitialise = true;
            }
        }

        public void Initialised()
        {
            NeedsInitialise = false;
        }

        public void WriteSucceeded()
        {
            _failures = 0;
        }
    }
}
