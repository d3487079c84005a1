using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Barrel-clamp and plunger-flange switches, each a changeover switch read through both
    /// contacts on MCP23017 port B. Failure: an invalid or stale sample, or an impossible contact
    /// pair, returns false ("not secured").
    /// </summary>
    public sealed class ExpanderSyringeClamp : ISyringeClamp
    {
        private readonly Mcp23017Expander _expander;
        private readonly IMonotonicClock _clock;
        private readonly long _maxAgeUs;

        public ExpanderSyringeClamp(Mcp23017Expander expander, IMonotonicClock clock, long maxAgeUs)
        {
            _expander = expander;
            _clock = clock;
            _maxAgeUs = maxAgeUs;
        }

        public bool TryRead(out bool clampClosed, out bool plungerEngaged)
        {
            clampClosed = false;
            plungerEngaged = false;
            if (!_expander.SampleValid || _clock.NowUs - _expander.SampleUs > _maxAgeUs)
            {
                return false;
            }

            int b = _expander.PortB;
            bool clamp, plunger;
            if (!ChangeoverSwitch.TryDecode((b & ExpanderBits.ClampNormallyOpen) != 0, (b & ExpanderBits.ClampNormallyClosed) != 0, out clamp)
                || !ChangeoverSwitch.TryDecode((b & ExpanderBits.PlungerNormallyOpen) != 0, (b & ExpanderBits.PlungerNormallyClosed) != 0, out plunger))
            {
                return false;
            }

            clampClosed = clamp;
            plungerEngaged = plunger;
            return true;
        }
    }
}
