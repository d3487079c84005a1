using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// The seven panel keys on MCP23017 port A (active low). <see cref="Service"/> feeds each valid
    /// expander sample to the debouncer (30 ms stable, i.e. the same on two 50 ms polls; stuck after
    /// 30 s). Failure: while the expander cannot be read no sample is taken, so no key is reported.
    /// </summary>
    public sealed class ExpanderKeypad : IKeypad
    {
        public const long DebounceUs = 30000;
        public const long StuckUs = 30000000;

        private readonly Mcp23017Expander _expander;
        private readonly KeyDebouncer _debouncer = new KeyDebouncer(DebounceUs, StuckUs);

        public ExpanderKeypad(Mcp23017Expander expander)
        {
            _expander = expander;
        }

        /// <summary>The debouncer, for stuck-key reports and held-key queries.</summary>
        public KeyDebouncer Debouncer { get { return _debouncer; } }

        /// <summary>Feeds the latest expander sample. Call after <see cref="Mcp23017Expander.Poll"/>.</summary>
        public void Service()
        {
            if (_expander.SampleValid)
            {
                int pressed = ~_expander.PortA & ExpanderBits.KeysMask;
                _debouncer.Sample(pressed, _expander.SampleUs);
            }
        }

        public bool TryReadKey(out PanelKey key)
        {
            return _debouncer.TryTake(out key);
        }
    }
}
