using System.Collections.Generic;
using Pump.Core.Control;
using Pump.Core.Persistence;

namespace Pump.Core.Tests.Fakes
{
    /// <summary>Reads a rig's event log oldest first, for tests that prove something was logged.</summary>
    internal static class PumpRigLog
    {
        public static List<EventLogEntry> Entries(PumpRig rig)
        {
            EventLog log = rig.Controller.Persistence.Log;
            var entries = new List<EventLogEntry>();
            for (long seq = log.OldestRetainedSequence; seq <= log.NewestSequence; seq++)
            {
                var e = new EventLogEntry();
                if (log.TryReadEntry(seq, e))
                {
                    entries.Add(e);
                }
            }

            return entries;
        }

        /// <summary>Controller events (category 0) with the given code.</summary>
        public static List<EventLogEntry> Controller(PumpRig rig, int code)
        {
            return Entries(rig).FindAll(e => e.Category == 0 && e.Code == code);
        }

        /// <summary>Logged transitions from one state to another.</summary>
        public static int Transitions(PumpRig rig, PumpState from, PumpState to)
        {
            return Controller(rig, PumpEvent.Transition).FindAll(e => e.Arg0 / 256 == (int)from && e.Arg1 == (int)to).Count;
        }
    }
}
