namespace Pump.Hal
{
    /// <summary>
    /// Emits STEP pulses in hardware from segments planned ahead by the core (DESIGN.md D5).
    /// Units: microsteps, microseconds. Segments are emitted in order; each must start where the
    /// previous one ended. ESP32: RMT bursts (carrier off) or LEDC on a dedicated timer pair.
    /// Failure: TryEnqueue returns false (queue full, or the hardware refused); the core then holds
    /// what it has and raises a technical alarm if the queue runs dry while delivery is due.
    /// StopNow must halt emission within one pulse and cannot fail.
    /// </summary>
    public interface IStepGenerator
    {
        /// <summary>Segments the generator can hold at once.</summary>
        int Capacity { get; }

        /// <summary>Segments queued and not yet fully emitted.</summary>
        int QueuedSegments { get; }

        /// <summary>Queues a segment; false when full or refused. Never blocks.</summary>
        bool TryEnqueue(StepSegment segment);

        /// <summary>Stops emission at once and discards every queued segment. Idempotent.</summary>
        void StopNow();
    }
}
