using Pump.Core.Configuration;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Service
{
    /// <summary>
    /// What service mode works on: the opened store (records, configuration, library), the clocks, the raw
    /// sensors and the image's identity. <see cref="Open"/> runs the same power-up recovery as the pump, then
    /// decides once whether a session is open: delivery interrupted by a reset, or a started session whose
    /// dose was never finalised. While one is, the service link refuses every command (SVC-001).
    /// </summary>
    public sealed class ServiceContext
    {
        private readonly SessionRecord _newest = new SessionRecord();

        public ServiceContext(PumpHardware hardware, IRealTimeClockSetter clockSetter, IRawSensorReadings? raw, DeviceIdentity identity)
        {
            Hardware = hardware;
            ClockSetter = clockSetter;
            Raw = raw;
            Identity = identity;
            Persistence = new PumpPersistence(hardware.Store, hardware.Clock, hardware.RealTimeClock);
            ConfigStore = new ConfigurationStore(hardware.Store);
            Installer = new LibraryInstaller(Persistence.Library, Persistence.Log);
            LinkKeys = new LinkKeyRecord(hardware.Store);
        }

        public PumpHardware Hardware { get; }
        public IRealTimeClockSetter ClockSetter { get; }
        public IRawSensorReadings? Raw { get; }
        public DeviceIdentity Identity { get; }
        public PumpPersistence Persistence { get; }
        public ConfigurationStore ConfigStore { get; }
        public LibraryInstaller Installer { get; }
        public LinkKeyRecord LinkKeys { get; }

        /// <summary>The stored link key: its problem (LinkKeyProblem), monitor id and check value (never the key).</summary>
        public int LinkKeyStatus { get; private set; } = LinkKeyProblem.NoKey;
        public uint LinkKeyMonitorId { get; private set; }
        public uint LinkKeyCheck { get; private set; }

        /// <summary>The stored configuration (defaults when <see cref="ConfigProblem"/> is not None).</summary>
        public DeviceConfiguration Config { get; } = new DeviceConfiguration();

        /// <summary>Result of loading the configuration, or of the last write.</summary>
        public int ConfigStatus { get; set; } = ConfigProblem.NoRecord;

        public bool SessionOpen { get; private set; }

        /// <summary>Revision and CRC-32 of the library the pump would use now, and whether it came from the store.</summary>
        public uint LibraryRevision { get; private set; }
        public uint LibraryCrc { get; private set; }
        public bool LibraryFromStore { get; private set; }

        public void Open()
        {
            PowerOnReport report = Persistence.Open();
            ConfigStatus = ConfigStore.TryLoad(Config);
            // The same rule power-up uses (SessionRestorer.WasOpen: the snapshot's state keeps a session open, which
            // covers Paused, Vitals Hold and Alarm), and an unfinished history entry besides.
            SessionOpen = global::Pump.Core.Control.SessionRestorer.WasOpen(report, Persistence.State.Current)
                || (Persistence.History.TryGetSession(0, _newest) && !_newest.Final);
            RefreshLibrary();
            RefreshLinkKey();
            Persistence.Log.Append(ServiceEventCodes.ServiceModeEntered, EventPriority.Info, EventCategory.System,
                SessionOpen ? 1 : 0, ConfigStatus);
        }

        /// <summary>Reads the stored link key's status the way power-up would (LinkPairingLoader), without keeping the key.</summary>
        public void RefreshLinkKey()
        {
            Link.LinkKeyStore keys = new Link.LinkKeyStore();
            int problem = LinkKeys.TryLoad(keys);
            if (problem == LinkKeyProblem.None && (ConfigStatus != ConfigProblem.None || keys.MonitorId != Config.PairedMonitorId))
            {
                problem = LinkKeyProblem.KeyForOtherMonitor;
            }

            LinkKeyStatus = problem;
            LinkKeyMonitorId = keys.MonitorId;
            LinkKeyCheck = keys.KeyCheck;
            keys.Unpair();
        }

        /// <summary>Reads which library is in force: the stored one when it passes every check, else the shipped one.</summary>
        public void RefreshLibrary()
        {
            byte[] buffer = new byte[StoreLayout.DrugLibraryMaxBytes];
            int length;
            if (Persistence.Library.TryLoad(buffer, 0, out length) && length >= LibraryCodec.CrcBytes)
            {
                LibraryLoadResult stored = LibraryCodec.Decode(buffer, 0, length);
                if (stored.IsAccepted && stored.Library != null)
                {
                    LibraryRevision = stored.Library.Revision;
                    LibraryCrc = LittleEndian.ReadUInt32(buffer, length - LibraryCodec.CrcBytes);
                    LibraryFromStore = true;
                    return;
                }
            }

            DrugLibrary shipped = ShippedLibrary.Build();
            byte[]? bytes = LibraryCodec.Encode(shipped);
            LibraryRevision = shipped.Revision;
            LibraryCrc = bytes == null ? 0 : LittleEndian.ReadUInt32(bytes, bytes.Length - LibraryCodec.CrcBytes);
            LibraryFromStore = false;
        }
    }
}
