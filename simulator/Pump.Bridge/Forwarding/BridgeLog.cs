using System;
using System.Collections.Generic;

namespace Pump.Bridge.Forwarding
{
    /// <summary>
    /// The bridge's record of every association, drop, rejection and state change, each with the bridge's
    /// monotonic time. Kept in memory (the newest entries, for the status view) and handed to a writer.
    /// </summary>
    public sealed class BridgeLog
    {
        private const int Kept = 200;
        private readonly Queue<string> _recent = new();
        private readonly object _gate = new();

        /// <summary>Receives every line as it is logged (console, file).</summary>
        public event Action<string>? Written;

        public long Count { get; private set; }

        public void Write(long nowMs, string category, string message)
        {
            string line = $"{nowMs / 1000.0,10:0.000} s  {category,-11} {message}";
            lock (_gate)
            {
                _recent.Enqueue(line);
                if (_recent.Count > Kept)
                {
                    _recent.Dequeue();
                }
                Count++;
            }
            Written?.Invoke(line);
        }

        public string[] Recent()
        {
            lock (_gate)
            {
                return _recent.ToArray();
            }
        }

        /// <summary>True when a logged line contains <paramref name="text"/> (tests and the status view).</summary>
        public bool Contains(string text)
        {
            lock (_gate)
            {
                foreach (string line in _recent)
                {
                    if (line.Contains(text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
