namespace Pump.Core.Library
{
    /// <summary>How an entry is programmed. Values are persisted: never renumber.</summary>
    public enum DoseMode : byte
    {
        /// <summary>Weight-based total dose (µg/kg) over a set duration; the pump computes the rate.</summary>
        WeightBasedTotalOverDuration = 1,

        /// <summary>Plain volume rate (mL/h) and volume to be infused, no drug dose (saline, priming).</summary>
        PlainRate = 2,
    }
}
