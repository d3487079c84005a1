namespace Pump.Core.Configuration
{
    /// <summary>
    /// Why the stored monitor-link key cannot authenticate frames (LNK-017). Integer codes (service link: never
    /// renumber) with panel and long text. Any of them refuses starting a drug that needs vitals, saying which.
    /// </summary>
    public static class LinkKeyProblem
    {
        public const int None = 0;
        public const int NoKey = 1;
        public const int KeyDamaged = 2;
        public const int KeyInvalid = 3;
        public const int KeyForOtherMonitor = 4;
        public const int ReplayFloorDamaged = 5;

        /// <summary>At most 20 characters: one panel row.</summary>
        public static string PanelText(int problem)
        {
            switch (problem)
            {
                case None: return "LINK KEY OK";
                case NoKey: return "NO LINK KEY";
                case KeyDamaged: return "LINK KEY DAMAGED";
                case KeyInvalid: return "LINK KEY INVALID";
                case KeyForOtherMonitor: return "KEY NOT FOR MONITOR";
                case ReplayFloorDamaged: return "REPLAY GUARD DAMAGED";
                default: return "LINK KEY ERROR";
            }
        }

        /// <summary>A sentence for the service tool and the documentation.</summary>
        public static string Describe(int problem)
        {
            switch (problem)
            {
                case None: return "The monitor-link key is stored and paired with the commissioned monitor.";
                case NoKey: return "No monitor-link key is stored: set it with pump-service link key set (hardware-docs/commissioning.md).";
                case KeyDamaged: return "Both copies of the stored monitor-link key are damaged; it is not used. Set the key again.";
                case KeyInvalid: return "The stored monitor-link key fails the key checks (16-64 bytes, not one repeated byte). Set the key again.";
                case KeyForOtherMonitor: return "The stored monitor-link key belongs to another monitor than the one paired on the panel. Set the key for this monitor.";
                case ReplayFloorDamaged: return "Both copies of the link's replay floor are damaged, so replayed frames could not be told apart; frames are refused until the key is set again.";
                default: return "Unknown monitor-link key problem.";
            }
        }
    }
}
