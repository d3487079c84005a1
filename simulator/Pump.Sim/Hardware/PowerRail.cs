namespace Pump.Sim.Hardware
{
    /// <summary>
    /// The pump's supply. While it is off every virtual device ignores commands and reads fail, as a
    /// dead MCU and unpowered driver would; the non-volatile store keeps its bytes.
    /// </summary>
    public sealed class PowerRail
    {
        public bool IsOn { get; private set; } = true;

        /// <summary>Raised (synchronously) when power drops, so devices can drop volatile state.</summary>
        public event System.Action? PoweredOff;

        public void Cut()
        {
            if (!IsOn)
            {
                return;
            }
            IsOn = false;
            PoweredOff?.Invoke();
        }

        public void Restore()
        {
            IsOn = true;
        }
    }
}
