namespace Pump.Core.Control
{
    /// <summary>Where the pump's parts queue a follow-up trigger for the table (handled in the same tick).</summary>
    internal interface ITriggerSink
    {
        void Enqueue(PumpTrigger trigger);
    }
}
