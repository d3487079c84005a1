using System;
using System.IO.Ports;
using System.Net.Sockets;

namespace Pump.ServiceTool.Protocol
{
    /// <summary>Opens the link named by --connect: "tcp:HOST:PORT" (the simulator's serve) or "serial:DEVICE" (a pump).</summary>
    public static class Connection
    {
        /// <summary>Service-port speed on the device (hardware-docs/service-link.md).</summary>
        public const int SerialBaud = 115200;

        public static ServiceClient Open(string target, TimeSpan timeout)
        {
            if (target.StartsWith("tcp:", StringComparison.Ordinal))
            {
                string rest = target.Substring(4);
                int colon = rest.LastIndexOf(':');
                if (colon <= 0 || !int.TryParse(rest.AsSpan(colon + 1), out int port) || port < 1 || port > 65535)
                {
                    throw new ArgumentException("--connect tcp:HOST:PORT needs a host and a port 1..65535, e.g. tcp:127.0.0.1:47017");
                }
                var tcp = new TcpClient { NoDelay = true };
                try
                {
                    tcp.Connect(rest.Substring(0, colon), port);
                }
                catch (SocketException e)
                {
                    tcp.Dispose();
                    throw new NoAnswerException("cannot connect to " + target + ": " + e.Message + " (is `pump-sim serve` running?)");
                }
                return new ServiceClient(tcp.GetStream(), timeout, tcp);
            }
            if (target.StartsWith("serial:", StringComparison.Ordinal))
            {
                var port = new SerialPort(target.Substring(7), SerialBaud, Parity.None, 8, StopBits.One)
                {
                    ReadTimeout = (int)timeout.TotalMilliseconds,
                    WriteTimeout = (int)timeout.TotalMilliseconds,
                };
                try
                {
                    port.Open();
                }
                catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or ArgumentException)
                {
                    port.Dispose();
                    throw new NoAnswerException("cannot open " + target + ": " + e.Message);
                }
                return new ServiceClient(port.BaseStream, timeout, port);
            }
            throw new ArgumentException("--connect must be tcp:HOST:PORT or serial:DEVICE (e.g. serial:/dev/ttyUSB0 or serial:COM3)");
        }
    }
}
