using System;
using System.IO;

namespace Pump.Sim.Running
{
    /// <summary>
    /// CPU time consumed by the calling thread (Linux: /proc/thread-self/stat, 10 ms resolution), for speed
    /// figures that do not depend on how loaded a shared machine is. Unavailable elsewhere.
    /// </summary>
    public static class ThreadCpuClock
    {
        /// <summary>CPU milliseconds of this thread, or false when the platform does not expose them.</summary>
        public static bool TryReadMs(out double cpuMs)
        {
            try
            {
                string stat = File.ReadAllText("/proc/thread-self/stat");
                string[] f = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                // utime and stime are fields 14 and 15 of stat: 11 and 12 after the command name.
                cpuMs = (long.Parse(f[11]) + long.Parse(f[12])) * 10.0; // USER_HZ = 100
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException || e is IndexOutOfRangeException || e is ArgumentOutOfRangeException)
            {
                cpuMs = 0;
                return false;
            }
        }
    }
}
