namespace Pump.Core.Persistence
{
    /// <summary>One past session as read back from <see cref="SessionHistory"/> (caller-preallocated).</summary>
    public sealed class SessionRecord
    {
        public long StartUtcSeconds;

        /// <summary>Delivered dose in µg: the programmed dose (an upper bound) until the session is
        /// finished, then the dose of the counted microsteps.</summary>
        public long DeliveredUg;

        public int DrugId;

        /// <summary>True once <see cref="SessionHistory.TryFinishSession"/> recorded the final dose.</summary>
        public bool Final;
    }
}
