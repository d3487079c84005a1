namespace Pump.Simulator.Tests.Cli
{
    /// <summary>The pump's monitor-link input fed by a test: bytes received off a socket or a pseudo-terminal, read in order.</summary>
    internal sealed class QueueLink : Pump.Hal.IMonitorLink
    {
        private readonly System.Collections.Generic.Queue<byte> _q = new();

        public void Add(byte[] b, int n)
        {
            for (int i = 0; i < n; i++) _q.Enqueue(b[i]);
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int k = 0;
            while (k < count && _q.Count > 0) buffer[offset + k++] = _q.Dequeue();
            return k;
        }
    }
}
