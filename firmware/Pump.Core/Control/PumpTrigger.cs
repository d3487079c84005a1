namespace Pump.Core.Control
{
    /// <summary>Everything that can move the state machine. Queued and handled run-to-completion in Tick.</summary>
    public enum PumpTrigger
    {
        SelfTestPassed = 0,
        SelfTestFailed = 1,
        BeginProgramming = 2,
        CancelProgramming = 3,
        ConfirmProgram = 4,
        RequestPrime = 5,
        PrimeFinished = 6,
        RequestStart = 7,
        RequestPause = 8,
        RequestResume = 9,
        /// <summary>The clinician ends the session (from a paused, held or alarm state).</summary>
        RequestStop = 10,
        InfusionComplete = 11,
        /// <summary>A hold-level vital sign, or the vital-sign lease expired.</summary>
        VitalHold = 12,
        /// <summary>A stop-level vital sign: the session ends.</summary>
        VitalStop = 13,
        /// <summary>A delivery-stopping technical alarm that the clinician can clear (occlusion, clamp open, empty...).</summary>
        TechnicalStop = 14,
        /// <summary>The clinician acknowledges a technical alarm.</summary>
        ClearAlarm = 15,
        /// <summary>A fault the pump cannot recover from (motor runaway, counter lost, self-check failed).</summary>
        FatalFault = 16,
        /// <summary>The clinician closes a finished or stopped session.</summary>
        EndSession = 17,
        /// <summary>The clinician confirmed a new running rate (TIT): the checked titration takes effect while infusing.</summary>
        ConfirmTitration = 18,
    }

    public static class PumpTriggers
    {
        public const int Count = 19;

        public static string Name(PumpTrigger trigger)
        {
            switch (trigger)
            {
                case PumpTrigger.SelfTestPassed: return "SelfTestPassed";
                case PumpTrigger.SelfTestFailed: return "SelfTestFailed";
                case PumpTrigger.BeginProgramming: return "BeginProgramming";
                case PumpTrigger.CancelProgramming: return "CancelProgramming";
                case PumpTrigger.ConfirmProgram: return "ConfirmProgram";
                case PumpTrigger.RequestPrime: return "RequestPrime";
                case PumpTrigger.PrimeFinished: return "PrimeFinished";
                case PumpTrigger.RequestStart: return "RequestStart";
                case PumpTrigger.RequestPause: return "RequestPause";
                case PumpTrigger.RequestResume: return "RequestResume";
                case PumpTrigger.RequestStop: return "RequestStop";
                case PumpTrigger.InfusionComplete: return "InfusionComplete";
                case PumpTrigger.VitalHold: return "VitalHold";
                case PumpTrigger.VitalStop: return "VitalStop";
                case PumpTrigger.TechnicalStop: return "TechnicalStop";
                case PumpTrigger.ClearAlarm: return "ClearAlarm";
                case PumpTrigger.FatalFault: return "FatalFault";
                case PumpTrigger.EndSession: return "EndSession";
                case PumpTrigger.ConfirmTitration: return "ConfirmTitration";
                default: return "Unknown";
            }
        }
    }
}
