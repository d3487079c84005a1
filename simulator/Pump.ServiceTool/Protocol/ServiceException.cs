using System;

namespace Pump.ServiceTool.Protocol
{
    /// <summary>The pump did not answer in time, or the connection could not be opened or broke.</summary>
    public sealed class NoAnswerException(string message) : Exception(message);

    /// <summary>The pump answered with something that does not follow hardware-docs/service-link.md.</summary>
    public sealed class ProtocolException(string message) : Exception(message);
}
