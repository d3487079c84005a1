using System;
using System.Globalization;

namespace Pump.Bridge.Pcd01
{
    /// <summary>HL7 v2 time stamps: YYYYMMDDHHMM[SS[.S…]] followed by ±ZZZZ. The PCD TF requires the zone; without it the time is refused.</summary>
    public static class Hl7Time
    {
        public static bool TryParse(string text, out DateTimeOffset value, out string error)
        {
            value = default;
            error = string.Empty;
            int zoneAt = text.IndexOfAny(new[] { '+', '-' });
            if (zoneAt < 0)
            {
                error = $"time '{text}' has no time zone";
                return false;
            }
            string local = text[..zoneAt];
            string zone = text[zoneAt..];
            if (zone.Length != 5 || !int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int zh)
                || !int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int zm) || zh > 14 || zm > 59)
            {
                error = $"time zone '{zone}' is not ±HHMM";
                return false;
            }
            string[] formats = { "yyyyMMddHHmm", "yyyyMMddHHmmss", "yyyyMMddHHmmss.f", "yyyyMMddHHmmss.ff", "yyyyMMddHHmmss.fff", "yyyyMMddHHmmss.ffff" };
            if (!DateTime.TryParseExact(local, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime dt))
            {
                error = $"time '{text}' is not YYYYMMDDHHMM[SS[.S]]";
                return false;
            }
            var offset = new TimeSpan(zh, zm, 0);
            value = new DateTimeOffset(dt, zone[0] == '-' ? -offset : offset);
            return true;
        }

        public static string Format(DateTimeOffset t) =>
            t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (t.Offset < TimeSpan.Zero ? "-" : "+") + t.Offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }
}
