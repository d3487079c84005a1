using System;

namespace Pump.Bridge.Output
{
    /// <summary>Where the frames go: the pump's monitor-link serial line, or a TCP stream (loopback tests, serial servers).</summary>
    public interface ILinkOutput : IDisposable
    {
        string Describe { get; }

        /// <summary>Writes one frame; false (logged by the caller) when the line is not available.</summary>
        bool Write(byte[] frame, int count);
    }
}
