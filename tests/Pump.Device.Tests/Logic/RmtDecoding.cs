using System.Collections.Generic;
using Pump.Hal.Esp32.Logic;

namespace Pump.Device.Tests.Logic
{
    /// <summary>Test helper: plays an RMT item buffer back as the ESP32 would (stops at the first zero half).</summary>
    internal static class RmtDecoding
    {
        public sealed class Playback
        {
            public List<long> RisingEdgesUs { get; } = new List<long>();
            public List<int> Halves { get; } = new List<int>();
            public List<long> HighWidthsUs { get; } = new List<long>();
            public long DurationUs { get; set; }
            public bool EndsLow { get; set; } = true;
        }

        public static Playback Play(byte[] items, long startUs)
        {
            var result = new Playback();
            long t = startUs;
            bool level = false;
            long highStart = 0;
            for (int half = 0; half < items.Length / 2; half++)
            {
                RmtItemWriter.ReadHalf(items, half, out bool l, out int ticks);
                if (ticks == 0)
                {
                    break;
                }

                result.Halves.Add(ticks);
                if (l && !level)
                {
                    result.RisingEdgesUs.Add(t);
                    highStart = t;
                }

                if (!l && level)
                {
                    result.HighWidthsUs.Add(t - highStart);
                }

                level = l;
                t += ticks;
            }

            if (level)
            {
                result.HighWidthsUs.Add(t - highStart);
            }

            result.EndsLow = !level;
            result.DurationUs = t - startUs;
            return result;
        }
    }
}
