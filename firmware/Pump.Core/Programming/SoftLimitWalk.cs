namespace Pump.Core.Programming
{
    /// <summary>
    /// Where the clinician is in the soft-limit confirmations that end review (PNL-003, HIS-005): each finding of
    /// the program in turn, then the session-spacing override when one is pending, each confirmed twice. It only
    /// counts; the wizard decides the screens.
    /// </summary>
    public sealed class SoftLimitWalk
    {
        private int _index;
        private bool _spacingPending;

        /// <summary>The finding shown; equal to the finding count while the spacing override is shown.</summary>
        public int Index { get { return _index; } }

        /// <summary>The session-spacing check asks for a confirmed override before this program may start.</summary>
        public bool SpacingPending { get { return _spacingPending; } }

        internal void Reset(bool spacingPending)
        {
            _index = 0;
            _spacingPending = spacingPending;
        }

        /// <summary>Back to the first finding, the spacing question kept.</summary>
        internal void Restart()
        {
            _index = 0;
        }

        /// <summary>Something must be confirmed before the program is adopted.</summary>
        internal bool Any(ProgramResult result)
        {
            return result.Outcome == ProgramOutcome.NeedsConfirmation || _spacingPending;
        }

        /// <summary>Up/Down on review pages through the findings, wrapping.</summary>
        internal void Cycle(bool up, int findingCount)
        {
            if (findingCount > 0)
            {
                _index = (_index + (up ? findingCount - 1 : 1)) % findingCount;
            }
        }

        internal void StepBack()
        {
            if (_index > 0)
            {
                _index--;
            }
        }

        /// <summary>After one confirmation pair: moves on, and says whether another finding or the spacing override remains.</summary>
        internal bool Advance(int findingCount)
        {
            _index++;
            return _index < findingCount || (_spacingPending && _index == findingCount);
        }
    }
}
