namespace Pump.Core.Control
{
    /// <summary>
    /// The infusion line between syringe and patient: whether it is primed, and whether a prime could now push drug
    /// into a connected patient (STM-011). After the program's first prime the line may be on the patient, so a
    /// re-prime needs the disconnection confirmed (PNL-008), for one question in one state only.
    /// </summary>
    public sealed class PatientLine
    {
        private readonly SessionLog _log;
        private bool _primed;
        private bool _primedOnce;
        private bool _disconnectConfirmed;

        internal PatientLine(SessionLog log)
        {
            _log = log;
        }

        public bool Primed { get { return _primed; } }

        public bool PrimedOnce { get { return _primedOnce; } }

        /// <summary>The line is not on the patient: this program's first prime, or the disconnection confirmed.</summary>
        internal bool FreeOfPatient { get { return !_primedOnce || _disconnectConfirmed; } }

        /// <summary>A confirmation answers one question in one state; every transition consumes it.</summary>
        internal void ConsumeConfirmation()
        {
            _disconnectConfirmed = false;
        }

        internal void ConfirmDisconnected()
        {
            _disconnectConfirmed = true;
            _log.Append(PumpEvent.LineDisconnectConfirmed, 0, 0, 0);
        }

        /// <summary>A new syringe: the line must be primed again.</summary>
        internal void SyringeRemoved()
        {
            _primed = false;
        }

        internal void PrimingStarted()
        {
            // From now on the line may be on the patient: the next prime needs the disconnection confirmed.
            _primedOnce = true;
        }

        internal void PrimingEnded(bool primed)
        {
            _primed = primed;
        }

        /// <summary>No program: nothing primed.</summary>
        internal void Clear()
        {
            _primed = false;
            _primedOnce = false;
        }

        /// <summary>A session brought back by a reset was primed and may be on the patient.</summary>
        internal void Restored()
        {
            _primed = true;
            _primedOnce = true;
        }
    }
}
