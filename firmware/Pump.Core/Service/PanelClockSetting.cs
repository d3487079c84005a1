using Pump.Core.Configuration;
using Pump.Core.Panel;
using Pump.Core.Persistence;

namespace Pump.Core.Service
{
    /// <summary>
    /// Setting the calendar clock on the panel in service mode: OK starts from the clock's time (or 2026-01-01),
    /// Up/Down change the field shown, OK moves to the next (year, month, day, hour, minute, UTC), the last OK
    /// sets the clock within the same 2024..2100 range as the service link, reads it back and logs it (SVC-005);
    /// Back cancels without changing anything.
    /// </summary>
    public sealed class PanelClockSetting
    {
        private const int FieldCount = 5;
        private const long DefaultUtcSeconds = 1767225600; // 2026-01-01T00:00:00Z

        private readonly ServiceContext _context;
        private readonly int[] _fields = new int[FieldCount]; // year, month, day, hour, minute
        private int _field = -1;
        private string _message = "";

        public PanelClockSetting(ServiceContext context)
        {
            _context = context;
        }

        /// <summary>True while a time is being entered (keys stay here).</summary>
        public bool Active => _field >= 0;

        public string Message => _message;

        public void HandleKey(Hal.PanelKey key)
        {
            if (!Active)
            {
                if (key == Hal.PanelKey.Ok)
                {
                    Begin();
                }

                return;
            }

            switch (key)
            {
                case Hal.PanelKey.Back:
                    _field = -1;
                    _message = "CLOCK NOT CHANGED";
                    break;
                case Hal.PanelKey.Up:
                    Step(1);
                    break;
                case Hal.PanelKey.Down:
                    Step(-1);
                    break;
                case Hal.PanelKey.Ok:
                    _field++;
                    if (_field == FieldCount)
                    {
                        _field = -1;
                        Apply();
                    }

                    break;
            }
        }

        private void Begin()
        {
            long utc;
            if (!_context.Hardware.RealTimeClock.TryReadUtcSeconds(out utc)
                || utc < ConfigurationChecks.EarliestUtcSeconds || utc > ConfigurationChecks.LatestUtcSeconds)
            {
                utc = DefaultUtcSeconds;
            }

            long days = utc / 86400;
            long year;
            int month;
            int day;
            CalendarText.CivilFromDays(days, out year, out month, out day);
            _fields[0] = (int)year;
            _fields[1] = month;
            _fields[2] = day;
            _fields[3] = (int)(utc % 86400 / 3600);
            _fields[4] = (int)(utc % 3600 / 60);
            _field = 0;
            _message = "";
        }

        private void Step(int delta)
        {
            int min = _field == 0 ? 2024 : (_field <= 2 ? 1 : 0);
            int max = _field == 0 ? 2099 : (_field == 1 ? 12 : (_field == 2 ? CalendarText.DaysInMonth(_fields[0], _fields[1]) : (_field == 3 ? 23 : 59)));
            int v = _fields[_field] + delta;
            _fields[_field] = v > max ? min : (v < min ? max : v);
            int lastDay = CalendarText.DaysInMonth(_fields[0], _fields[1]);
            if (_fields[2] > lastDay)
            {
                _fields[2] = lastDay;
            }
        }

        private void Apply()
        {
            long utc = CalendarText.DaysFromCivil(_fields[0], _fields[1], _fields[2]) * 86400 + _fields[3] * 3600L + _fields[4] * 60L;
            long old;
            bool hadTime = _context.Hardware.RealTimeClock.TryReadUtcSeconds(out old);
            long readBack;
            if (utc < ConfigurationChecks.EarliestUtcSeconds || utc > ConfigurationChecks.LatestUtcSeconds
                || !_context.ClockSetter.TrySetUtcSeconds(utc)
                || !_context.Hardware.RealTimeClock.TryReadUtcSeconds(out readBack) || readBack < utc || readBack > utc + 2)
            {
                _message = "CLOCK SET FAILED";
                return;
            }

            _context.Persistence.Log.Append(ServiceEventCodes.ClockSet, EventPriority.Info, EventCategory.System,
                hadTime ? (int)(uint)old : -1, (int)(uint)utc);
            _message = "CLOCK SET";
        }

        /// <summary>Row 2 while entering: the time with the field being changed marked by '>' in row 3.</summary>
        public void Render(ScreenBuffer s)
        {
            long utc = CalendarText.DaysFromCivil(_fields[0], _fields[1], _fields[2]) * 86400 + _fields[3] * 3600L + _fields[4] * 60L;
            s.Put(1, 0, "SET UTC: OK=NEXT");
            CalendarText.PutDateTime(s, 2, 0, utc);
            int[] column = Columns;
            s.PutChar(3, column[_field], '^');
            s.Put(3, 17, "UP");
        }

        private static readonly int[] Columns = new int[] { 0, 5, 8, 11, 14 };
    }
}
