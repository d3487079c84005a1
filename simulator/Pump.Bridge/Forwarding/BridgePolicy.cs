namespace Pump.Bridge.Forwarding
{
    /// <summary>The bridge's fail-safe limits (hardware-docs/monitor-bridge.md explains each value).</summary>
    public sealed record BridgePolicy
    {
        /// <summary>No report for this long: the source is lost and the bridge goes silent.</summary>
        public int SourceTimeoutMs { get; init; } = 5000;

        /// <summary>A time stamp more than this ahead of the bridge's clock, or a message clock this far off, makes the clock unsure.</summary>
        public int MaxClockSkewMs { get; init; } = 5000;

        /// <summary>A continuous value (HR, SpO2, RR) older than this is sent as unavailable rather than held.</summary>
        public int MaxContinuousAgeMs { get; init; } = 10000;

        /// <summary>Frames per second to the pump (one per monitor update is enough; the pump's lease is 5 s).</summary>
        public int FramePeriodMs { get; init; } = 1000;

        /// <summary>When set, only this bed label is accepted (commissioning); otherwise the first report's label is pinned.</summary>
        public string? ExpectedBedLabel { get; init; }

        /// <summary>When set (non-zero), only this source id is accepted.</summary>
        public ulong ExpectedSourceId { get; init; }
    }
}
