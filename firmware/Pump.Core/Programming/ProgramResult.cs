namespace Pump.Core.Programming
{
    /// <summary>
    /// The outcome of programming an infusion: exactly one <see cref="ProgramOutcome"/>, the
    /// findings behind it (Rejected lists the hard findings, NeedsConfirmation the soft ones) and,
    /// unless rejected, the computed <see cref="InfusionProgram"/>. A NeedsConfirmation program
    /// must not start until the clinician has confirmed every finding and the confirmation is logged.
    /// </summary>
    public sealed class ProgramResult
    {
        public const int MaxFindings = 16;

        public readonly ProgramOutcome Outcome;

        /// <summary>The computed program; null when Rejected.</summary>
        public readonly InfusionProgram? Program;

        private readonly Finding[] _findings;

        private readonly int _count;

        internal ProgramResult(ProgramOutcome outcome, InfusionProgram? program, Finding[] findings, int count)
        {
            Outcome = outcome;
            Program = program;
            _findings = findings;
            _count = count;
        }

        public int FindingCount
        {
            get { return _count; }
        }

        public Finding GetFinding(int index)
        {
            return _findings[index];
        }
    }
}
