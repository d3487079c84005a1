using Pump.Core.Configuration;
using Pump.Core.Link;
using Pump.Core.Persistence;

namespace Pump.Core.Service
{
    /// <summary>
    /// The service link's set-link-key (LNK-017, SVC-009): stores the monitor-link key for the monitor paired on
    /// the panel. The monitor id in the request must equal the commissioned one (the key is bound to it); the key must
    /// pass the pump's key checks. The key is never echoed: the answer carries its check value. Logged when changed
    /// (<see cref="Control.PumpEvent.LinkKeySet"/>); a refusal changes nothing and is logged as every refused write.
    /// Request: monitor id u32, key length u8 (16..64), key bytes. Answer: key check value u32.
    /// </summary>
    public sealed class LinkKeyWrite
    {
        private const int HeaderBytes = 5;

        private readonly ServiceContext _context;
        private readonly ServiceFrameWriter _writer;
        private readonly LinkKeyStore _probe = new LinkKeyStore();

        public LinkKeyWrite(ServiceContext context, ServiceFrameWriter writer)
        {
            _context = context;
            _writer = writer;
        }

        private int Refuse(int status, int detail, string text)
        {
            ServiceReads.PutRefusal(_writer, status, detail, text);
            _context.Persistence.Log.Append(ServiceEventCodes.CommandRefused, EventPriority.Low, EventCategory.System,
                ServiceCommand.SetLinkKey, status);
            return status;
        }

        public int SetLinkKey(byte[] frame, int at, int length)
        {
            int keyLength = length >= HeaderBytes ? frame[at + 4] : -1;
            if (length < HeaderBytes + LinkKeyStore.MinKeyLength || length > HeaderBytes + LinkKeyStore.MaxKeyLength
                || keyLength != length - HeaderBytes)
            {
                return Refuse(ServiceStatus.BadPayloadLength, HeaderBytes + LinkKeyStore.MaxKeyLength,
                    "A link key request is the monitor id (4 bytes), the key length (1 byte, 16..64) and that many key bytes: nothing was stored.");
            }

            if (_context.ConfigStatus != ConfigProblem.None)
            {
                return Refuse(ServiceStatus.NoConfiguration, _context.ConfigStatus,
                    "The unit has no usable configuration: commission it and pair the monitor on the panel before setting its key.");
            }

            uint paired = _context.Config.PairedMonitorId;
            if (paired == 0)
            {
                return Refuse(ServiceStatus.MonitorNotPaired, 0,
                    "No monitor is paired: pair it on the pump's panel first (the key is bound to the paired monitor).");
            }

            uint monitorId = LittleEndian.ReadUInt32(frame, at);
            if (monitorId != paired)
            {
                return Refuse(ServiceStatus.KeyForOtherMonitor, 0,
                    "This key is for another monitor id than the one paired on the panel: nothing was stored.");
            }

            KeySetResult check = _probe.Pair(monitorId, frame, at + HeaderBytes, keyLength);
            if (check != KeySetResult.Ok)
            {
                _probe.Unpair();
                return Refuse(ServiceStatus.LinkKeyRefused, (int)check,
                    "The pump's key checks refused this key (16-64 bytes, not one repeated byte): nothing was stored.");
            }

            uint keyCheck = _probe.KeyCheck;
            _probe.Unpair();
            uint previousCheck = _context.LinkKeyStatus == LinkKeyProblem.None ? _context.LinkKeyCheck : 0;
            if (!_context.LinkKeys.TryWrite(_context.Hardware.Store, monitorId, frame, at + HeaderBytes, keyLength, keyCheck))
            {
                _context.RefreshLinkKey();
                ServiceReads.PutRefusal(_writer, ServiceStatus.StoreWriteFailed, 0,
                    "The link key could not be written and verified; the previous key stays in force.");
                _context.Persistence.Log.Append(ServiceEventCodes.CommandRefused, EventPriority.High, EventCategory.System,
                    ServiceCommand.SetLinkKey, ServiceStatus.StoreWriteFailed);
                return ServiceStatus.StoreWriteFailed;
            }

            _context.RefreshLinkKey();
            _context.Persistence.Log.Append(Control.PumpEvent.LinkKeySet, EventPriority.Info, EventCategory.Link,
                (int)(monitorId & 0x7FFFFFFF), (int)previousCheck);
            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutU32(keyCheck);
            return ServiceStatus.Ok;
        }
    }
}
