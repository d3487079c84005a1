using Pump.Core.Configuration;
using Pump.Core.Persistence;

namespace Pump.Core.Service
{
    /// <summary>
    /// The service link's read commands: device details, configuration, raw sensor counts, event log and
    /// session records. Each writes the whole response payload (status first) and returns the status. None
    /// changes anything.
    /// </summary>
    public sealed class ServiceReads
    {
        /// <summary>Log entries per read-log answer (12 × 44 bytes fit the 600-byte payload).</summary>
        public const int MaxLogEntriesPerRead = 12;

        /// <summary>Bytes of one log entry on the link.</summary>
        public const int LogEntryBytes = 44;

        /// <summary>Sessions per read-sessions answer.</summary>
        public const int MaxSessionsPerRead = 16;

        private readonly ServiceContext _context;
        private readonly ServiceFrameWriter _writer;
        private readonly EventLogEntry _entry = new EventLogEntry();
        private readonly SessionRecord _session = new SessionRecord();
        private readonly byte[] _configBytes = new byte[DeviceConfigurationCodec.PayloadBytes];

        public ServiceReads(ServiceContext context, ServiceFrameWriter writer)
        {
            _context = context;
            _writer = writer;
        }

        /// <summary>Refusal payload: status u8, detail u16, text (u8 length + ASCII).</summary>
        public static void PutRefusal(ServiceFrameWriter writer, int status, int detail, string text)
        {
            writer.PutU8(status);
            writer.PutU16(detail);
            writer.PutText(text);
        }

        private int Refuse(int status, int detail, string text)
        {
            PutRefusal(_writer, status, detail, text);
            return status;
        }

        internal int WrongLength(int expected)
        {
            return Refuse(ServiceStatus.BadPayloadLength, expected,
                "Wrong payload length for this command (expected " + expected.ToString() + " bytes): nothing was done.");
        }

        public int GetInfo(int length)
        {
            if (length != 0)
            {
                return WrongLength(0);
            }

            ServiceContext c = _context;
            PumpPersistence p = c.Persistence;
            long utc;
            bool rtcValid = c.Hardware.RealTimeClock.TryReadUtcSeconds(out utc);
            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutText(c.Identity.FirmwareVersion);
            _writer.PutText(c.Identity.SourceCommit);
            _writer.PutText(c.ConfigStatus == ConfigProblem.None ? c.Config.Serial : "");
            _writer.PutU8(c.ConfigStatus);
            _writer.PutU8(c.ConfigStatus == ConfigProblem.None ? ConfigurationChecks.CheckReadyToInfuse(c.Config) : c.ConfigStatus);
            _writer.PutI64(c.ConfigStatus == ConfigProblem.None ? c.Config.CalibrationUtcSeconds : 0);
            _writer.PutU32(c.ConfigStatus == ConfigProblem.None ? c.Config.PairedMonitorId : 0);
            _writer.PutU32(c.LibraryRevision);
            _writer.PutU32(c.LibraryCrc);
            _writer.PutU8(c.LibraryFromStore ? 1 : 0);
            _writer.PutU8(c.Installer.State);
            _writer.PutU8(rtcValid ? 1 : 0);
            _writer.PutI64(rtcValid ? utc : 0);
            _writer.PutU8(p.State.LoadReport.Slot0Status);
            _writer.PutU8(p.State.LoadReport.Slot1Status);
            _writer.PutU8(p.History.LoadReport.Slot0Status);
            _writer.PutU8(p.History.LoadReport.Slot1Status);
            _writer.PutU8(p.Library.LoadReport.Slot0Status);
            _writer.PutU8(p.Library.LoadReport.Slot1Status);
            _writer.PutU8(c.ConfigStore.LoadReport.Slot0Status);
            _writer.PutU8(c.ConfigStore.LoadReport.Slot1Status);
            _writer.PutI64(p.Log.NewestSequence);
            _writer.PutU32((uint)p.Log.WriteFailureCount);
            _writer.PutI64(p.Report.BootCount);
            _writer.PutU8(c.LinkKeyStatus);
            _writer.PutU32(c.LinkKeyMonitorId);
            _writer.PutU32(c.LinkKeyCheck);
            return ServiceStatus.Ok;
        }

        public int GetConfig(int length)
        {
            if (length != 0)
            {
                return WrongLength(0);
            }

            if (_context.ConfigStatus != ConfigProblem.None)
            {
                return Refuse(ServiceStatus.NoConfiguration, _context.ConfigStatus, ConfigProblem.Describe(_context.ConfigStatus));
            }

            DeviceConfigurationCodec.Encode(_context.Config, _configBytes, 0);
            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutBytes(_configBytes, 0, DeviceConfigurationCodec.PayloadBytes);
            return ServiceStatus.Ok;
        }

        public int ReadRaw(int length)
        {
            if (length != 0)
            {
                return WrongLength(0);
            }

            int force = 0;
            int position = 0;
            bool forceOk = _context.Raw != null && _context.Raw.TryReadForceCounts(out force);
            bool positionOk = _context.Raw != null && _context.Raw.TryReadPositionCounts(out position);
            if (!forceOk && !positionOk)
            {
                return Refuse(ServiceStatus.SensorUnavailable, 0, "Neither the load cell nor the position sensor answered.");
            }

            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutU8(forceOk ? 1 : 0);
            _writer.PutI32(forceOk ? force : 0);
            _writer.PutU8(positionOk ? 1 : 0);
            _writer.PutI32(positionOk ? position : 0);
            return ServiceStatus.Ok;
        }

        /// <summary>Request: from sequence i64, max entries u8 (1..12). Answer: newest sequence i64, oldest retained
        /// i64, count u8, skipped u8 (damaged entries not sent), then count entries oldest first.</summary>
        public int ReadLog(byte[] frame, int at, int length)
        {
            if (length != 9)
            {
                return WrongLength(9);
            }

            long from = LittleEndian.ReadInt64(frame, at);
            int max = frame[at + 8];
            if (max < 1 || max > MaxLogEntriesPerRead)
            {
                return Refuse(ServiceStatus.BadPayloadLength, MaxLogEntriesPerRead, "Ask for 1 to 12 log entries per read.");
            }

            EventLog log = _context.Persistence.Log;
            long oldest = log.OldestRetainedSequence;
            long newest = log.NewestSequence;
            long seq = from < oldest ? oldest : from;
            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutI64(newest);
            _writer.PutI64(oldest);
            int countAt = _writer.PayloadLength;
            _writer.PutU8(0);
            _writer.PutU8(0);
            int count = 0;
            int skipped = 0;
            while (seq <= newest && count < max)
            {
                if (log.TryReadEntry(seq, _entry))
                {
                    PutEntry(_entry);
                    count++;
                }
                else
                {
                    skipped = skipped < 255 ? skipped + 1 : 255;
                }

                seq++;
            }

            _writer.Frame[ServiceFrameFormat.HeaderLength + countAt] = (byte)count;
            _writer.Frame[ServiceFrameFormat.HeaderLength + countAt + 1] = (byte)skipped;
            return ServiceStatus.Ok;
        }

        private void PutEntry(EventLogEntry e)
        {
            _writer.PutI64(e.Sequence);
            _writer.PutI64(e.BootCount);
            _writer.PutI64(e.UtcSeconds);
            _writer.PutI64(e.MonotonicMs);
            _writer.PutU16(e.Code);
            _writer.PutU8(e.Priority);
            _writer.PutU8(e.Category);
            _writer.PutI32(e.Arg0);
            _writer.PutI32(e.Arg1);
        }

        /// <summary>Request: first index u8 (0 = newest), max u8 (1..16). Answer: total u8, count u8, then per session
        /// start UTC i64, dose µg i64 (final, or the programmed upper bound), drug id i32, final u8.</summary>
        public int ReadSessions(byte[] frame, int at, int length)
        {
            if (length != 2)
            {
                return WrongLength(2);
            }

            int first = frame[at];
            int max = frame[at + 1];
            if (max < 1 || max > MaxSessionsPerRead)
            {
                return Refuse(ServiceStatus.BadPayloadLength, MaxSessionsPerRead, "Ask for 1 to 16 sessions per read.");
            }

            SessionHistory history = _context.Persistence.History;
            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutU8(history.Count);
            int countAt = _writer.PayloadLength;
            _writer.PutU8(0);
            int count = 0;
            while (count < max && history.TryGetSession(first + count, _session))
            {
                _writer.PutI64(_session.StartUtcSeconds);
                _writer.PutI64(_session.DeliveredUg);
                _writer.PutI32(_session.DrugId);
                _writer.PutU8(_session.Final ? 1 : 0);
                count++;
            }

            _writer.Frame[ServiceFrameFormat.HeaderLength + countAt] = (byte)count;
            return ServiceStatus.Ok;
        }
    }
}
