using Pump.Core.Configuration;
using Pump.Core.Library;
using Pump.Core.Persistence;

namespace Pump.Core.Service
{
    /// <summary>
    /// The service link's write commands: configuration, clock and the library transfer. Each checks its whole
    /// input before touching anything, writes the whole response payload (status first) and returns the status;
    /// a refusal leaves the store and the clock as they were and is logged (SVC-003, SVC-006).
    /// </summary>
    public sealed class ServiceWrites
    {
        private readonly ServiceContext _context;
        private readonly ServiceFrameWriter _writer;
        private readonly DeviceConfiguration _scratch = new DeviceConfiguration();
        private readonly DeviceConfiguration _incoming = new DeviceConfiguration();

        public ServiceWrites(ServiceContext context, ServiceFrameWriter writer)
        {
            _context = context;
            _writer = writer;
        }

        private int Refuse(int command, int status, int detail, string text)
        {
            ServiceReads.PutRefusal(_writer, status, detail, text);
            _context.Persistence.Log.Append(ServiceEventCodes.CommandRefused, EventPriority.Low, EventCategory.System, command, status);
            return status;
        }

        private int WrongLength(int command, int expected)
        {
            return Refuse(command, ServiceStatus.BadPayloadLength, expected,
                "Wrong payload length for this command (expected " + expected.ToString() + " bytes): nothing was done.");
        }

        /// <summary>Request: the 80-byte configuration payload. The pairing fields must equal the stored ones.</summary>
        public int SetConfig(byte[] frame, int at, int length)
        {
            if (length != DeviceConfigurationCodec.PayloadBytes)
            {
                return WrongLength(ServiceCommand.SetConfig, DeviceConfigurationCodec.PayloadBytes);
            }

            int problem = DeviceConfigurationCodec.Decode(frame, at, length, _scratch, _incoming);
            if (problem != ConfigProblem.None)
            {
                return Refuse(ServiceCommand.SetConfig, ServiceStatus.InvalidConfiguration, problem, ConfigProblem.Describe(problem));
            }

            DeviceConfiguration current = _context.Config;
            bool haveCurrent = _context.ConfigStatus == ConfigProblem.None;
            uint pairedNow = haveCurrent ? current.PairedMonitorId : 0;
            int keyNow = haveCurrent ? current.PairingKeySlot : 0;
            if (_incoming.PairedMonitorId != pairedNow || _incoming.PairingKeySlot != keyNow)
            {
                return Refuse(ServiceCommand.SetConfig, ServiceStatus.PairingIsPanelOnly, 0,
                    "The paired monitor is set only on the pump's panel, after the clinician confirms the monitor's label; send the stored pairing unchanged.");
            }

            bool calibrationChanged = !haveCurrent || CalibrationDiffers(current, _incoming);
            problem = _context.ConfigStore.TryWrite(_incoming);
            _context.Persistence.Log.Append(ServiceEventCodes.ConfigurationWritten,
                problem == ConfigProblem.None ? EventPriority.Info : EventPriority.High, EventCategory.System,
                problem, calibrationChanged ? 1 : 0);
            if (problem != ConfigProblem.None)
            {
                ServiceReads.PutRefusal(_writer, ServiceStatus.StoreWriteFailed, problem,
                    "The configuration could not be written and verified; the previous one stays in force.");
                return ServiceStatus.StoreWriteFailed;
            }

            current.CopyFrom(_incoming);
            _context.ConfigStatus = ConfigProblem.None;
            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutU8(ConfigurationChecks.CheckReadyToInfuse(current));
            return ServiceStatus.Ok;
        }

        private static bool CalibrationDiffers(DeviceConfiguration a, DeviceConfiguration b)
        {
            return a.CalibrationUtcSeconds != b.CalibrationUtcSeconds || a.ForceZeroCounts != b.ForceZeroCounts
                || a.ForceSpanCounts != b.ForceSpanCounts || a.ForceSpanMilliNewtons != b.ForceSpanMilliNewtons
                || a.PositionZeroCounts != b.PositionZeroCounts || a.PositionSpanCounts != b.PositionSpanCounts
                || a.PositionSpanMicrometres != b.PositionSpanMicrometres || a.LeadUm != b.LeadUm
                || a.FullStepsPerRev != b.FullStepsPerRev || a.Microstepping != b.Microstepping;
        }

        /// <summary>Request: UTC seconds i64 within 2024-01-01..2100-01-01.</summary>
        public int SetClock(byte[] frame, int at, int length)
        {
            if (length != 8)
            {
                return WrongLength(ServiceCommand.SetClock, 8);
            }

            long utc = LittleEndian.ReadInt64(frame, at);
            if (utc < ConfigurationChecks.EarliestUtcSeconds || utc > ConfigurationChecks.LatestUtcSeconds)
            {
                return Refuse(ServiceCommand.SetClock, ServiceStatus.ClockOutOfRange, 0,
                    "Clock value must be between 2024-01-01 and 2100-01-01 UTC (seconds since 1970).");
            }

            long old;
            bool hadTime = _context.Hardware.RealTimeClock.TryReadUtcSeconds(out old);
            long readBack;
            if (!_context.ClockSetter.TrySetUtcSeconds(utc)
                || !_context.Hardware.RealTimeClock.TryReadUtcSeconds(out readBack)
                || readBack < utc || readBack > utc + 2)
            {
                return Refuse(ServiceCommand.SetClock, ServiceStatus.ClockWriteFailed, 0,
                    "The calendar clock did not take the time (or read back differently); check its battery and bus.");
            }

            _context.Persistence.Log.Append(ServiceEventCodes.ClockSet, EventPriority.Info, EventCategory.System,
                hadTime ? (int)(uint)old : -1, (int)(uint)utc);
            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutI64(readBack);
            return ServiceStatus.Ok;
        }

        /// <summary>Request: total bytes u32, CRC-32 of the whole library u32.</summary>
        public int LibraryBegin(byte[] frame, int at, int length)
        {
            if (length != 8)
            {
                return WrongLength(ServiceCommand.LibraryBegin, 8);
            }

            uint total = LittleEndian.ReadUInt32(frame, at);
            uint crc = LittleEndian.ReadUInt32(frame, at + 4);
            int status = _context.Installer.Begin(total > int.MaxValue ? int.MaxValue : (int)total, crc);
            if (status != ServiceStatus.Ok)
            {
                return Refuse(ServiceCommand.LibraryBegin, status, LibraryCodec.MaxEncodedBytes,
                    "A library is 20 to 8192 bytes: nothing was started.");
            }

            _writer.PutU8(ServiceStatus.Ok);
            return ServiceStatus.Ok;
        }

        /// <summary>Request: offset u32, then 1..512 library bytes.</summary>
        public int LibraryData(byte[] frame, int at, int length)
        {
            if (length < 5 || length > 4 + 512)
            {
                return WrongLength(ServiceCommand.LibraryData, 4 + 512);
            }

            uint offset = LittleEndian.ReadUInt32(frame, at);
            int status = _context.Installer.Data(offset > int.MaxValue ? -1 : (int)offset, frame, at + 4, length - 4);
            if (status == ServiceStatus.NoLibraryTransfer)
            {
                return Refuse(ServiceCommand.LibraryData, status, 0, "No library transfer is in progress: send library-begin first.");
            }

            if (status == ServiceStatus.LibraryOutOfOrder)
            {
                return Refuse(ServiceCommand.LibraryData, status, Low16(_context.Installer.Received),
                    "Library bytes must arrive in order: the next offset expected is " + _context.Installer.Received.ToString() + ".");
            }

            if (status != ServiceStatus.Ok)
            {
                return Refuse(ServiceCommand.LibraryData, status, 0, "These bytes run past the length given in library-begin.");
            }

            _writer.PutU8(ServiceStatus.Ok);
            _writer.PutU32((uint)_context.Installer.Received);
            return ServiceStatus.Ok;
        }

        /// <summary>Verifies the received library; on success the panel asks the clinician to confirm its revision.</summary>
        public int LibraryEnd(int length)
        {
            if (length != 0)
            {
                return WrongLength(ServiceCommand.LibraryEnd, 0);
            }

            LibraryInstaller installer = _context.Installer;
            int status = installer.End();
            switch (status)
            {
                case ServiceStatus.AwaitingPanel:
                    _writer.PutU8(status);
                    _writer.PutU32(installer.StagedRevision);
                    _writer.PutU8(installer.StagedEntries);
                    return status;
                case ServiceStatus.NoLibraryTransfer:
                    return Refuse(ServiceCommand.LibraryEnd, status, 0, "No library transfer is in progress.");
                case ServiceStatus.LibraryOutOfOrder:
                    return Refuse(ServiceCommand.LibraryEnd, status, Low16(installer.Received),
                        "Fewer bytes arrived than library-begin announced: nothing was installed.");
                case ServiceStatus.LibraryCrcMismatch:
                    return Refuse(ServiceCommand.LibraryEnd, status, 0,
                        "The received bytes do not match the CRC-32 given in library-begin: nothing was installed.");
                default:
                    LibraryLoadResult? refusal = installer.LastRefusal;
                    ServiceReads.PutRefusal(_writer, ServiceStatus.LibraryRefused, refusal == null ? 0 : (int)refusal.Error,
                        refusal == null ? "The library was refused." : "The pump's library checks refused it: " + refusal.LongMessage);
                    return ServiceStatus.LibraryRefused;
            }
        }

        /// <summary>Where the last transfer stands: awaiting the panel, installed, declined or refused.</summary>
        public int LibraryStatus(int length)
        {
            if (length != 0)
            {
                return WrongLength(ServiceCommand.LibraryStatus, 0);
            }

            LibraryInstaller installer = _context.Installer;
            int status = installer.LinkStatus();
            _writer.PutU8(status);
            _writer.PutU8(installer.State);
            _writer.PutU32(installer.StagedRevision);
            if (status == ServiceStatus.Ok)
            {
                _context.RefreshLibrary();
            }

            return status;
        }

        private static int Low16(int value)
        {
            return value < 0 ? 0 : (value > 0xFFFF ? 0xFFFF : value);
        }
    }
}
