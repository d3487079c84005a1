using System;
using System.IO;

namespace Pump.Sim.Monitor
{
    /// <summary>The virtual monitor speaking monitor-link v2 on a byte stream (a serial port to a bench pump, or TCP).</summary>
    public sealed class StreamLinkTransport : IReadingTransport
    {
        private readonly Stream _stream;
        private readonly IVitalsFrameEncoder _encoder;
        private readonly byte[] _frame;

        public StreamLinkTransport(Stream stream, IVitalsFrameEncoder encoder)
        {
            _stream = stream;
            _encoder = encoder;
            _frame = new byte[encoder.MaxFrameBytes];
        }

        public int Send(in VitalSignsReading reading, long nowMs)
        {
            int n = _encoder.Encode(in reading, _frame);
            if (n > 0)
            {
                _stream.Write(_frame, 0, n);
                _stream.Flush();
            }
            return n;
        }
    }
}
