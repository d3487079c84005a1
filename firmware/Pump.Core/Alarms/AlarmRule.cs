namespace Pump.Core.Alarms
{
    /// <summary>One declared alarm: what it is called, how loud, what it does. Immutable.</summary>
    public sealed class AlarmRule
    {
        public AlarmRule(AlarmCode code, AlarmPriority priority, AlarmAction action, bool latches, string message, string condition)
        {
            Code = code;
            Priority = priority;
            Action = action;
            Latches = latches;
            Message = message;
            Condition = condition;
        }

        public AlarmCode Code { get; }
        public AlarmPriority Priority { get; }
        public AlarmAction Action { get; }
        /// <summary>Stays shown after its condition clears until the clinician acknowledges it.</summary>
        public bool Latches { get; }
        /// <summary>Panel message, at most 20 characters.</summary>
        public string Message { get; }
        /// <summary>The condition in words (documentation; evaluated by Supervision).</summary>
        public string Condition { get; }
    }
}
