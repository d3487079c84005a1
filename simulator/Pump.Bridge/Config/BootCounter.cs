using System;
using System.Globalization;
using System.IO;

namespace Pump.Bridge.Config
{
    /// <summary>
    /// The bridge's boot number, kept in a file and raised by one at every start before any frame is sent, so the
    /// pump accepts the restarted bridge's new sequence and still refuses replays of the old boot. The new value is
    /// written to a temporary file and moved into place, so a power cut leaves the old or the new number.
    /// </summary>
    public static class BootCounter
    {
        public static uint Next(string path)
        {
            uint previous = 0;
            if (File.Exists(path))
            {
                string text = File.ReadAllText(path).Trim();
                if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out previous))
                {
                    throw new ConfigException("bootFile", $"'{path}' does not hold a boot number ('{Shorten(text)}'); restore it or re-pair the pump");
                }
            }
            if (previous == uint.MaxValue)
            {
                throw new ConfigException("bootFile", "boot numbers exhausted: generate a new key and re-pair the pump");
            }
            uint next = previous + 1;
            string temp = path + ".new";
            File.WriteAllText(temp, next.ToString(CultureInfo.InvariantCulture));
            File.Move(temp, path, overwrite: true);
            return next;
        }

        private static string Shorten(string s) => s.Length <= 16 ? s : s[..16] + "…";
    }
}
