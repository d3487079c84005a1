using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Persistence;

namespace Pump.Core.Service
{
    /// <summary>
    /// Receives a drug library over the service link into RAM, verifies it exactly as a stored library is
    /// verified (whole-transfer CRC, then <see cref="LibraryCodec.Decode"/> with every <see cref="LibraryChecks"/>
    /// rule), and holds it until the panel confirms the revision it shows (SVC-004). Only then is it written to
    /// the store; the library in force stays in force until that write verifies, and a power cut before it
    /// loses only the staged copy. Every outcome is logged.
    /// </summary>
    public sealed class LibraryInstaller
    {
        public const int StateIdle = 0;
        public const int StateReceiving = 1;
        public const int StatePending = 2;
        public const int StateInstalled = 3;
        public const int StateDeclined = 4;
        public const int StateFailed = 5;

        private readonly byte[] _staging = new byte[LibraryCodec.MaxEncodedBytes];
        private readonly DrugLibraryStore _store;
        private readonly EventLog _log;
        private int _state;
        private int _total;
        private int _received;
        private uint _declaredCrc;
        private uint _stagedRevision;
        private int _stagedEntries;
        private bool _stagedIsDraft;
        private LibraryLoadResult? _lastRefusal;
        private int _failStatus = ServiceStatus.NoLibraryTransfer;

        public LibraryInstaller(DrugLibraryStore store, EventLog log)
        {
            _store = store;
            _log = log;
        }

        public int State => _state;

        /// <summary>Revision and entries of the verified library waiting for the panel (or just installed).</summary>
        public uint StagedRevision => _stagedRevision;

        public int StagedEntries => _stagedEntries;

        /// <summary>The verified library has no pharmacy sign-off (LIB-012): the confirmation screen says DRAFT.</summary>
        public bool StagedIsDraft => _stagedIsDraft;

        /// <summary>Bytes received of the transfer in progress.</summary>
        public int Received => _received;

        /// <summary>Why the last transfer was refused by the library checks (null if it was not).</summary>
        public LibraryLoadResult? LastRefusal => _lastRefusal;

        /// <summary>True while the panel should ask the clinician to confirm <see cref="StagedRevision"/>.</summary>
        public bool AwaitingPanel => _state == StatePending;

        /// <summary>Starts a transfer of totalBytes whose CRC-32 is crc; drops any staged library.</summary>
        public int Begin(int totalBytes, uint crc)
        {
            if (totalBytes < LibraryCodec.HeaderBytes + LibraryCodec.CrcBytes || totalBytes > LibraryCodec.MaxEncodedBytes)
            {
                return ServiceStatus.LibraryTooLarge;
            }

            _state = StateReceiving;
            _total = totalBytes;
            _received = 0;
            _declaredCrc = crc;
            _lastRefusal = null;
            return ServiceStatus.Ok;
        }

        /// <summary>Appends bytes at offset; only the next expected offset is accepted.</summary>
        public int Data(int offset, byte[] source, int sourceOffset, int count)
        {
            if (_state != StateReceiving)
            {
                return ServiceStatus.NoLibraryTransfer;
            }

            if (offset != _received)
            {
                return ServiceStatus.LibraryOutOfOrder;
            }

            if (count > _total - _received)
            {
                return ServiceStatus.LibraryTooLarge;
            }

            for (int i = 0; i < count; i++)
            {
                _staging[_received + i] = source[sourceOffset + i];
            }

            _received += count;
            return ServiceStatus.Ok;
        }

        /// <summary>Ends the transfer and verifies it; on success the library waits for the panel.</summary>
        public int End()
        {
            if (_state != StateReceiving)
            {
                return ServiceStatus.NoLibraryTransfer;
            }

            if (_received != _total)
            {
                return ServiceStatus.LibraryOutOfOrder;
            }

            if (Crc32.Compute(_staging, 0, _total) != _declaredCrc)
            {
                _state = StateFailed;
                _failStatus = ServiceStatus.LibraryCrcMismatch;
                _log.Append(ServiceEventCodes.LibraryRejected, EventPriority.Low, EventCategory.System,
                    (int)LibraryError.CrcMismatch, ServiceStatus.LibraryCrcMismatch);
                return ServiceStatus.LibraryCrcMismatch;
            }

            LibraryLoadResult result = LibraryCodec.Decode(_staging, 0, _total);
            if (!result.IsAccepted || result.Library == null)
            {
                _state = StateFailed;
                _failStatus = ServiceStatus.LibraryRefused;
                _lastRefusal = result;
                _log.Append(ServiceEventCodes.LibraryRejected, EventPriority.Low, EventCategory.System,
                    (int)result.Error, ServiceStatus.LibraryRefused);
                return ServiceStatus.LibraryRefused;
            }

            _stagedRevision = result.Library.Revision;
            _stagedEntries = result.Library.Count;
            _stagedIsDraft = result.Library.IsDraft;
            _state = StatePending;
            _log.Append(ServiceEventCodes.LibraryStaged, EventPriority.Info, EventCategory.System,
                (int)(_stagedRevision & 0x7FFFFFFF), _stagedEntries);
            return ServiceStatus.AwaitingPanel;
        }

        /// <summary>The clinician confirmed the revision on the panel: store it (the old one stays if this fails).</summary>
        public bool Confirm()
        {
            if (_state != StatePending)
            {
                return false;
            }

            if (!_store.TryWrite(_staging, 0, _total))
            {
                _state = StateFailed;
                _failStatus = ServiceStatus.StoreWriteFailed;
                _log.Append(PumpEvent.LibraryRefused, EventPriority.High, EventCategory.System, (int)LibraryError.StoreWriteFailed, 1);
                return false;
            }

            _state = StateInstalled;
            _log.Append(PumpEvent.LibraryInstalled, EventPriority.Info, EventCategory.System,
                (int)(_stagedRevision & 0x7FFFFFFF), _stagedEntries);
            return true;
        }

        /// <summary>The clinician declined on the panel: the staged copy is dropped, nothing stored.</summary>
        public void Decline()
        {
            if (_state != StatePending)
            {
                return;
            }

            _state = StateDeclined;
            _log.Append(ServiceEventCodes.LibraryDeclined, EventPriority.Info, EventCategory.System,
                (int)(_stagedRevision & 0x7FFFFFFF), 0);
        }

        /// <summary>The status the link reports for library-status.</summary>
        public int LinkStatus()
        {
            switch (_state)
            {
                case StatePending: return ServiceStatus.AwaitingPanel;
                case StateInstalled: return ServiceStatus.Ok;
                case StateDeclined: return ServiceStatus.LibraryDeclined;
                case StateFailed: return _failStatus;
                default: return ServiceStatus.NoLibraryTransfer;
            }
        }
    }
}
