using Pump.Core.Alarms;
using Pump.Core.Control;

namespace Pump.Core.Panel
{
    /// <summary>
    /// The screens that ask or tell one thing: idle with the library revision, the alarm history (ALM-007), Ready's questions before a re-prime
    /// and before starting with too little drug (PNL-008, PNL-009), and a session not restored (PNL-010).
    /// </summary>
    public sealed class NoticeScreens
    {
        private readonly PumpController _pump;

        internal NoticeScreens(PumpController pump)
        {
            _pump = pump;
        }

        internal void RenderIdle(ScreenBuffer s)
        {
            s.Put(0, 0, "IDLE");
            if (_pump.Library.IsDraft)
            {
                s.Put(0, 11, "DRAFT LIB"); // not signed off by pharmacy (LIB-012)
            }

            s.Put(1, 0, "OK:NEW  DN:HISTORY");
            int c = s.Put(2, 0, "LIBRARY REV ");
            s.PutInteger(2, c, _pump.Library.Revision);
            if (_pump.LibraryRefusal.Length > 0)
            {
                s.Put(3, 0, _pump.LibraryRefusal);
            }
        }

        internal void RenderHistory(ScreenBuffer s, long nowUs, int historyIndex)
        {
            int n = _pump.Alarms.HistoryCount;
            int c = s.Put(0, 0, "ALARM HISTORY ");
            if (n == 0)
            {
                s.Put(1, 0, "NO ALARMS");
            }
            else
            {
                c = s.PutInteger(0, c, historyIndex + 1);
                c = s.PutChar(0, c, '/');
                s.PutInteger(0, c, n);
                AlarmCode code;
                long atUs;
                bool raised;
                _pump.Alarms.HistoryAt(historyIndex, out code, out atUs, out raised);
                s.Put(1, 0, AlarmTable.For(code).Message);
                int rc = s.Put(2, 0, raised ? "RAISED " : "CLEARED ");
                rc = s.PutDuration(2, rc, (nowUs - atUs) / 1000000);
                s.Put(2, rc, " AGO");
            }

            s.Put(3, 0, "UP/DN  BACK:EXIT");
        }


        internal void RenderReadyQuestion(ScreenBuffer s, bool confirmShortfall, int reprimeStep)
        {
            if (confirmShortfall)
            {
                long loadedNl;
                long programNl;
                _pump.Commands.StartShortfall(out loadedNl, out programNl);
                s.Put(0, 0, "TOO LITTLE DRUG");
                int c = s.Put(1, 0, "LOADED  ");
                c = s.PutFixed(1, c, loadedNl / 100000, 1, 1);
                s.Put(1, c, " mL");
                c = s.Put(2, 0, "PROGRAM ");
                c = s.PutFixed(2, c, programNl / 100000, 1, 1);
                s.Put(2, c, " mL");
                s.Put(3, 0, "OK:START  BACK:NO");
                return;
            }

            s.Put(0, 0, "PRIME AGAIN");
            if (reprimeStep == 1)
            {
                s.Put(1, 0, "DISCONNECT THE LINE");
                s.Put(2, 0, "FROM THE PATIENT");
                s.Put(3, 0, "OK:DONE  BACK:NO");
            }
            else
            {
                s.Put(1, 0, "LINE DISCONNECTED");
                s.Put(2, 0, "FROM THE PATIENT?");
                s.Put(3, 0, "OK:YES PRIME BACK:NO");
            }
        }


        /// <summary>A session that could not be rebuilt after a reset: what it delivered, at most (PER-016).</summary>
        internal void RenderUnrestored(ScreenBuffer s)
        {
            s.Put(0, 0, AlarmTable.For(AlarmCode.SessionNotRestored).Message);
            int c = s.Put(1, 0, "GIVEN <=");
            c = s.PutFixed(1, c, _pump.Status.UnrestoredDeliveredNl / 100000, 1, 1);
            c = s.Put(1, c, "mL");
            if (_pump.Status.UnrestoredDoseUg > 0)
            {
                c = s.PutChar(1, c, ' ');
                c = s.PutFixed(1, c, _pump.Status.UnrestoredDoseUg / 100, 1, 1);
                s.Put(1, c, "mg");
            }

            s.Put(2, 0, "SESSION CLOSED");
            s.Put(3, 0, "OK:ACKNOWLEDGE");
        }
    }
}
