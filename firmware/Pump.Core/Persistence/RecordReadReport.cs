namespace Pump.Core.Persistence
{
    /// <summary>
    /// Outcome of loading a <see cref="DualSlotRecord"/>: which slot was used and what each slot held.
    /// Preallocated by the caller and overwritten by each load (no allocation on the load path).
    /// </summary>
    public sealed class RecordReadReport
    {
        /// <summary>0 or 1 when a slot was used; -1 when neither was valid.</summary>
        public int SelectedSlot = -1;

        /// <summary><see cref="SlotStatus"/> of slot 0 and slot 1.</summary>
        public int Slot0Status;
        public int Slot1Status;

        /// <summary>Sequence numbers read from each slot's header (meaningful only when valid).</summary>
        public long Slot0Sequence;
        public long Slot1Sequence;

        /// <summary>Format version and payload length of the selected slot.</summary>
        public int FormatVersion;
        public int PayloadLength;

        public bool Found => SelectedSlot >= 0;

        /// <summary>Status of the given slot (0 or 1).</summary>
        public int StatusOf(int slot)
        {
            return slot == 0 ? Slot0Status : Slot1Status;
        }

        /// <summary>True when either slot held damaged bytes (torn or corrupted), used or not.</summary>
        public bool AnyDamage => SlotStatus.IsDamage(Slot0Status) || SlotStatus.IsDamage(Slot1Status);

        public void Clear()
        {
            SelectedSlot = -1;
            Slot0Status = SlotStatus.Unknown;
            Slot1Status = SlotStatus.Unknown;
            Slot0Sequence = 0;
            Slot1Sequence = 0;
            FormatVersion = 0;
            PayloadLength = 0;
        }

        /// <summary>One line for the event log, panel or report. Allocates: call on load, never per tick.</summary>
        public string Describe()
        {
            string used = SelectedSlot >= 0 ? "using slot " + SelectedSlot.ToString() : "no valid slot";
            return used + "; slot 0: " + SlotStatus.Describe(Slot0Status)
                + "; slot 1: " + SlotStatus.Describe(Slot1Status);
        }
    }
}
