using Pump.Core.Configuration;
using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Service
{
    /// <summary>
    /// The pump's end of the service link (hardware-docs/service-link.md). Exists only in service mode: the
    /// infusing pump never reads the service port. Each <see cref="Poll"/> handles at most one request and
    /// answers every request, refused ones with a specific status, detail and text. Refused requests change
    /// nothing (SVC-003); while a session is open every request is refused (SVC-001); no command programs,
    /// starts or resumes an infusion (SVC-002). Reads go to <see cref="ServiceReads"/>, writes to
    /// <see cref="ServiceWrites"/>.
    /// </summary>
    public sealed class ServiceLink
    {
        private readonly IServicePort _port;
        private readonly ServiceContext _context;
        private readonly ServiceFrameParser _parser = new ServiceFrameParser();
        private readonly ServiceFrameWriter _writer = new ServiceFrameWriter();
        private readonly ServiceReads _reads;
        private readonly ServiceWrites _writes;
        private readonly LinkKeyWrite _linkKey;
        private bool _haveLastSequence;
        private uint _lastSequence;

        public ServiceLink(IServicePort port, ServiceContext context)
        {
            _port = port;
            _context = context;
            _reads = new ServiceReads(context, _writer);
            _writes = new ServiceWrites(context, _writer);
            _linkKey = new LinkKeyWrite(context, _writer);
        }

        /// <summary>Requests answered, by any status.</summary>
        public int Answered { get; private set; }

        /// <summary>Status of the last answer.</summary>
        public int LastStatus { get; private set; } = -1;

        public ServiceFrameParser Parser => _parser;

        /// <summary>Reads the port and answers at most one request.</summary>
        public void Poll(long nowMs)
        {
            int parsed = _parser.Poll(_port, nowMs);
            if (parsed == ServiceFrameParser.None)
            {
                return;
            }

            int command = _parser.Command;
            uint sequence = _parser.Sequence;
            if (parsed != ServiceStatus.Ok)
            {
                Refuse(command, sequence, parsed, 0, FrameErrorText(parsed));
                return;
            }

            if (_context.SessionOpen)
            {
                Refuse(command, sequence, ServiceStatus.SessionOpen, 0,
                    "A session is open: end it on the panel first. Service commands are refused during a session.");
                return;
            }

            if (_haveLastSequence && sequence == _lastSequence)
            {
                Refuse(command, sequence, ServiceStatus.DuplicateSequence, 0,
                    "This sequence number was just used: the command was not run again.");
                return;
            }

            _haveLastSequence = true;
            _lastSequence = sequence;
            Dispatch(command, sequence, _parser.Frame, ServiceFrameFormat.OffsetPayload, _parser.PayloadLength);
        }

        private void Dispatch(int command, uint sequence, byte[] frame, int at, int length)
        {
            _writer.Begin(command | ServiceFrameFormat.ResponseBit, sequence);
            int status;
            switch (command)
            {
                case ServiceCommand.GetInfo: status = _reads.GetInfo(length); break;
                case ServiceCommand.GetConfig: status = _reads.GetConfig(length); break;
                case ServiceCommand.ReadRawSensors: status = _reads.ReadRaw(length); break;
                case ServiceCommand.ReadLog: status = _reads.ReadLog(frame, at, length); break;
                case ServiceCommand.ReadSessions: status = _reads.ReadSessions(frame, at, length); break;
                case ServiceCommand.SetConfig: status = _writes.SetConfig(frame, at, length); break;
                case ServiceCommand.SetClock: status = _writes.SetClock(frame, at, length); break;
                case ServiceCommand.LibraryBegin: status = _writes.LibraryBegin(frame, at, length); break;
                case ServiceCommand.LibraryData: status = _writes.LibraryData(frame, at, length); break;
                case ServiceCommand.LibraryEnd: status = _writes.LibraryEnd(length); break;
                case ServiceCommand.LibraryStatus: status = _writes.LibraryStatus(length); break;
                case ServiceCommand.SetLinkKey: status = _linkKey.SetLinkKey(frame, at, length); break;
                default:
                    Refuse(command, sequence, ServiceStatus.UnknownCommand, command, "Unknown command: nothing was done.");
                    return;
            }

            // Each handler wrote the whole payload: its status first, then data or a refusal's detail and text.
            Send(status);
        }

        private void Refuse(int command, uint sequence, int status, int detail, string text)
        {
            _writer.Begin(command | ServiceFrameFormat.ResponseBit, sequence);
            ServiceReads.PutRefusal(_writer, status, detail, text);
            Send(status);
        }

        private void Send(int status)
        {
            LastStatus = status;
            Answered++;
            if (_writer.Finish())
            {
                _port.TryWrite(_writer.Frame, 0, _writer.Length);
            }
        }

        private static string FrameErrorText(int status)
        {
            switch (status)
            {
                case ServiceStatus.BadCrc: return "CRC-32 mismatch: the frame was damaged and not executed.";
                case ServiceStatus.Truncated: return "The frame did not complete within 1000 ms and was not executed.";
                case ServiceStatus.Oversized: return "Declared payload longer than 600 bytes: the frame was not executed.";
                case ServiceStatus.UnsupportedVersion: return "Only protocol version 1 is understood: the frame was not executed.";
                default: return "The frame was not executed.";
            }
        }
    }
}
