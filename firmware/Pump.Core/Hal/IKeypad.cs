namespace Pump.Hal
{
    /// <summary>
    /// Debounced key presses, oldest first. Failure: a stuck key is reported by the port once and
    /// then suppressed; the core never acts on a key it did not see pressed and released.
    /// </summary>
    public interface IKeypad
    {
        /// <summary>Takes the next key press, if any.</summary>
        bool TryReadKey(out PanelKey key);
    }
}
