using Pump.Core.Service;

namespace Pump.ServiceTool.Protocol
{
    /// <summary>One answer: its status and the payload after the status byte.</summary>
    public sealed class ServiceResponse(int command, int status, byte[] data)
    {
        public int Command { get; } = command;
        public int Status { get; } = status;

        /// <summary>Payload bytes after the status byte.</summary>
        public byte[] Data { get; } = data;

        public bool IsOk => Status == ServiceStatus.Ok;

        public PayloadReader Reader() => new(Data);

        /// <summary>A refusal's detail code and text ("" when the payload carries none).</summary>
        public (int Detail, string Text) Refusal()
        {
            try
            {
                var r = Reader();
                return (r.U16(), r.Text());
            }
            catch (ProtocolException)
            {
                return (0, "");
            }
        }

        /// <summary>"status-name: text" for the terminal.</summary>
        public string Describe()
        {
            var (detail, text) = Refusal();
            return ServiceStatus.Name(Status) + (detail != 0 ? " (" + detail + ")" : "") + (text.Length > 0 ? ": " + text : "");
        }
    }
}
