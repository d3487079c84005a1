using Pump.Core.Link;

namespace Pump.Core.Interlock
{
    /// <summary>
    /// The interlock's answer for this tick, in one value (DESIGN.md D7): refreshed at the end of every
    /// <see cref="VitalSignInterlock.Tick"/> and after each of its commands (start, resume, end), so every reader in
    /// the tick sees the same facts. Missing knowledge is the unsafe value.
    /// </summary>
    public sealed class InterlockVerdict
    {
        /// <summary>A session was started (or restored) and not ended.</summary>
        public bool SessionActive { get; private set; }

        /// <summary>The motor may run: session active, no hold or stop, the lease held (INT-001).</summary>
        public bool MayInfuse { get; private set; }

        public InterlockLevel Level { get; private set; }

        /// <summary>A stop-level rule fired: the session cannot resume.</summary>
        public bool Stopped { get; private set; }

        /// <summary>Every latched hold is acknowledged and back inside its limit (the evaluator's part of resume).</summary>
        public bool HoldsClearable { get; private set; }

        /// <summary>The clinician's resume would be granted now (the rule <see cref="VitalSignInterlock.AcknowledgeAndResume"/> applies).</summary>
        public bool ResumePermitted { get; private set; }

        /// <summary>Why the lease is not held (None while held).</summary>
        public LeaseCause LeaseCause { get; private set; }

        public VitalRule? ActiveRule { get; private set; }

        /// <summary>Latched hold and stop rules, one bit per table index (persisted with the session, INT-501).</summary>
        public long LatchedRules { get; private set; }

        /// <summary>Frames from an unpaired monitor within the hold-off (WRONG MONITOR).</summary>
        public bool UnpairedMonitor { get; private set; }

        /// <summary>Rejected frames above the allowed rate (MONITOR LINK ERRORS).</summary>
        public bool LinkErrors { get; private set; }

        /// <summary>The session's baseline, which relative rules are judged against (read-only for readers).</summary>
        public VitalBaseline? Baseline { get; internal set; }

        /// <summary>A frame has been accepted since power-up: <see cref="LatestVitals"/> is meaningful.</summary>
        public bool HasVitals { get; private set; }

        /// <summary>The latest accepted frame (a reused buffer: read it in the tick).</summary>
        public VitalSigns? LatestVitals { get; private set; }

        /// <summary>The latest accepted frame is younger than the lease (its vitals describe the patient now).</summary>
        public bool VitalsFresh { get; private set; }

        /// <summary>When no fresh frame is accepted and frames are being refused, the refusal (else None).</summary>
        public FrameResult LinkRefusal { get; private set; }

        /// <summary>Authenticated sender restarts seen, and the previous and current sender boot numbers (LNK-014).</summary>
        public int SenderBootChanges { get; private set; }

        public long PreviousSenderBoot { get; private set; }

        public long SenderBoot { get; private set; }

        internal void SetLink(bool hasVitals, VitalSigns latest, bool fresh, FrameResult refusal, int bootChanges, long previousBoot, long boot)
        {
            HasVitals = hasVitals;
            LatestVitals = latest;
            VitalsFresh = fresh;
            LinkRefusal = refusal;
            SenderBootChanges = bootChanges;
            PreviousSenderBoot = previousBoot;
            SenderBoot = boot;
        }

        internal void Set(bool sessionActive, bool mayInfuse, InterlockLevel level, bool stopped, bool holdsClearable,
            bool resumePermitted, LeaseCause cause, VitalRule? rule, long latchedRules, bool unpaired, bool linkErrors)
        {
            SessionActive = sessionActive;
            MayInfuse = mayInfuse;
            Level = level;
            Stopped = stopped;
            HoldsClearable = holdsClearable;
            ResumePermitted = resumePermitted;
            LeaseCause = cause;
            ActiveRule = rule;
            LatchedRules = latchedRules;
            UnpairedMonitor = unpaired;
            LinkErrors = linkErrors;
        }
    }
}
