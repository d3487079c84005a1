using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Configuration
{
    /// <summary>
    /// The configuration record in the store: two slots with the torn-write rules of every record
    /// (<see cref="DualSlotRecord"/>, PER-002). A load uses the newest copy that passes both the CRC and every
    /// configuration check, falling back to the older copy; otherwise nothing is used and the reason is kept
    /// (CFG-001, CFG-002). A write that fails or is cut by power loss leaves the previous copy in force.
    /// </summary>
    public sealed class ConfigurationStore
    {
        private readonly DualSlotRecord _record;
        private readonly RecordReadReport _report = new RecordReadReport();
        private readonly byte[] _buffer = new byte[DeviceConfigurationCodec.PayloadBytes];
        private readonly DeviceConfiguration _scratch = new DeviceConfiguration();

        public ConfigurationStore(INonVolatileStore store)
        {
            _record = new DualSlotRecord(store, StoreLayout.ConfigurationAddress, StoreLayout.ConfigurationSlotBytes,
                StoreLayout.ConfigurationMagic, DeviceConfigurationCodec.FormatVersion, DeviceConfigurationCodec.FormatVersion);
        }

        /// <summary>Slot statuses of the last load.</summary>
        public RecordReadReport LoadReport => _report;

        /// <summary>
        /// Loads the stored configuration into target. Returns <see cref="ConfigProblem.None"/>, or
        /// <see cref="ConfigProblem.NoRecord"/> (never written), <see cref="ConfigProblem.RecordDamaged"/> (no slot
        /// valid) or the check that the stored bytes failed; target is untouched unless the result is None.
        /// </summary>
        public int TryLoad(DeviceConfiguration target)
        {
            _record.Scan(_report);
            if (!_report.Found)
            {
                return _report.Slot0Status == SlotStatus.Empty && _report.Slot1Status == SlotStatus.Empty
                    ? ConfigProblem.NoRecord
                    : ConfigProblem.RecordDamaged;
            }

            int newest = _report.SelectedSlot;
            int problem = LoadSlot(newest, target);
            if (problem == ConfigProblem.None)
            {
                return problem;
            }

            // The newest copy has a good CRC but fails a check (written by other firmware): the older one may be good.
            int older = 1 - newest;
            if (_report.StatusOf(older) == SlotStatus.Valid && LoadSlot(older, target) == ConfigProblem.None)
            {
                return ConfigProblem.None;
            }

            return problem;
        }

        private int LoadSlot(int slot, DeviceConfiguration target)
        {
            if (!_record.TryLoadSlot(slot, _buffer, 0, _report))
            {
                return ConfigProblem.RecordDamaged;
            }

            int problem = DeviceConfigurationCodec.Decode(_buffer, 0, _report.PayloadLength, _scratch, target);
            if (problem != ConfigProblem.None)
            {
                if (slot == 0)
                {
                    _report.Slot0Status = SlotStatus.Inconsistent;
                }
                else
                {
                    _report.Slot1Status = SlotStatus.Inconsistent;
                }
            }

            return problem;
        }

        /// <summary>Checks and stores c as the new configuration. Returns None, the failed check, or
        /// <see cref="ConfigProblem.RecordDamaged"/> when the write did not verify (the previous copy stays).</summary>
        public int TryWrite(DeviceConfiguration c)
        {
            int problem = ConfigurationChecks.CheckStorable(c);
            if (problem != ConfigProblem.None)
            {
                return problem;
            }

            if (!DeviceConfigurationCodec.Encode(c, _buffer, 0)
                || !_record.TryWrite(DeviceConfigurationCodec.FormatVersion, _buffer, 0, DeviceConfigurationCodec.PayloadBytes))
            {
                return ConfigProblem.RecordDamaged;
            }

            return ConfigProblem.None;
        }
    }
}
