namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>The JSON form of an expectation's value; parsing, the schema and the docs follow from it.</summary>
    public enum ExpectationShape
    {
        /// <summary>One of the run outcomes ("completed", "held", ...).</summary>
        Outcome,
        /// <summary>One of the controller's state names ("STOPPED", "VITALS HOLD", ...).</summary>
        State,
        /// <summary>A measured value: {"min": a, "max": b} (either end) or {"value": v, "tolerance": t}.</summary>
        Range,
        /// <summary>A count: a whole number, or {"min": a, "max": b}.</summary>
        Count,
        /// <summary>A property that must hold: true (the default tolerance) or the tolerance as a number.</summary>
        Check,
        /// <summary>A list of alarms: {"code", "priority"?, "fromS"?, "toS"?, "count"?}.</summary>
        Alarms,
        /// <summary>A list of alarms that must not occur: {"code", "priority"?, "fromS"?, "toS"?}.</summary>
        AbsentAlarms,
        /// <summary>A list of interlock trips: {"cause", "fromS"?, "toS"?, "maxStopLatencyMs"?, "maxStepsAfterTrip"?}.</summary>
        Trips,
        /// <summary>A list of strings.</summary>
        Texts,
    }
}
