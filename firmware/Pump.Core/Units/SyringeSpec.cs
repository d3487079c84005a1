namespace Pump.Core.Units
{
    /// <summary>
    /// One syringe model the pump accepts. The inner diameter is cited (hardware-docs/syringes.md);
    /// the usable volume is the nominal graduated capacity; the usable plunger travel is derived:
    /// the smallest whole µm that displaces the nominal capacity through the bore,
    /// ceil(capacity / (355/113 * d^2 / 4)).
    /// </summary>
    public sealed class SyringeSpec
    {
        public const int MaxDisplayNameChars = 16;
        public const int MinInnerDiameterUm = 1000;
        public const int MaxInnerDiameterUm = 40000;
        public const int MaxUsableTravelUm = 200000;

        /// <summary>Stable id: persisted with a program and shown in logs; never reused.</summary>
        public readonly int Id;

        /// <summary>Short ASCII name for the 20x4 panel (at most 16 chars).</summary>
        public readonly string DisplayName;

        public readonly long NominalVolumeNl;

        public readonly int InnerDiameterUm;

        public readonly int UsableTravelUm;

        /// <summary>Where the diameter comes from (short note; full citation in syringes.md).</summary>
        public readonly string Source;

        public SyringeSpec(int id, string displayName, long nominalVolumeNl, int innerDiameterUm, int usableTravelUm, string source)
        {
            Id = id;
            DisplayName = displayName;
            NominalVolumeNl = nominalVolumeNl;
            InnerDiameterUm = innerDiameterUm;
            UsableTravelUm = usableTravelUm;
            Source = source;
        }

        /// <summary>Usable volume: the nominal graduated capacity.</summary>
        public long UsableVolumeNl
        {
            get { return NominalVolumeNl; }
        }

        /// <summary>True if every field is within the ranges the conversions are proven for.</summary>
        public bool IsValid()
        {
            if (Id <= 0 || Id > 0xFFFF || DisplayName == null || DisplayName.Length == 0
                || DisplayName.Length > MaxDisplayNameChars)
            {
                return false;
            }

            for (int i = 0; i < DisplayName.Length; i++)
            {
                char c = DisplayName[i];
                if (c < ' ' || c > '~')
                {
                    return false;
                }
            }

            return InnerDiameterUm >= MinInnerDiameterUm && InnerDiameterUm <= MaxInnerDiameterUm
                && UsableTravelUm > 0 && UsableTravelUm <= MaxUsableTravelUm
                && NominalVolumeNl > 0 && NominalVolumeNl <= 1000000000L;
        }
    }
}
