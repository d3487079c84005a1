using Pump.Core.Interlock;
using Pump.Core.Link;

namespace Pump.Core.Control
{
    /// <summary>
    /// The raw situation the guard facts are computed from, copied field by field from the parts that own it (sensor
    /// frame, motion channel, session, alarms, interlock verdict, settings) with no logic in between, so that
    /// <see cref="GuardReader.Derive"/> is a pure function the Stateless conformance run can drive (DESIGN.md D6).
    /// A value on the stack, filled only when a trigger is handled.
    /// </summary>
    public struct GuardSituation
    {
        /// <summary>The unit's stored configuration is unusable (CFG-003).</summary>
        public bool ConfigurationFault;
        public bool CounterReadable;
        /// <summary>The step counter read less than before (MotionChannel).</summary>
        public bool CounterWentBack;
        public bool ForceReadable;
        public bool PositionReadable;
        public bool ClampReadable;
        public bool ClampClosed;
        public bool PlungerEngaged;
        public bool DriverFaulted;
        public bool DisplayHealthy;

        /// <summary>The session was brought back by power-up and not yet resumed.</summary>
        public bool SessionRestored;
        public bool LinePrimed;
        /// <summary>The line's own answer: first prime of the program, or a confirmed disconnection (PatientLine).</summary>
        public bool LineFreeOfPatient;
        /// <summary>The session's answer: loaded volume covers what is left, or the shortfall was confirmed.</summary>
        public bool DrugSufficient;
        public bool TitrationPending;
        /// <summary>The loaded drug entry requires the vital-sign interlock.</summary>
        public bool InterlockRequired;
        /// <summary>The dose history's spacing answer for a start now.</summary>
        public bool SpacingAllows;

        /// <summary>An alarm whose declared action stops delivery for a technical cause is present.</summary>
        public bool TechnicalStopPresent;

        /// <summary>The commissioned monitor id is set and the link key is paired with that same monitor.</summary>
        public bool MonitorCommissioned;
        /// <summary>The interlock's pre-start check now (read for RequestStart only; Ok otherwise).</summary>
        public StartCheck InterlockStart;

        /// <summary>This tick's interlock verdict.</summary>
        public bool MayInfuse;
        public InterlockLevel Level;
        public bool Stopped;
        public bool HoldsClearable;
        public bool ResumePermitted;
        public FrameResult LinkRefusal;
    }
}
