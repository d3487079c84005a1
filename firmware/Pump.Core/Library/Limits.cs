namespace Pump.Core.Library
{
    /// <summary>Which bound a value crosses. Soft bounds need a logged confirmation; hard bounds never pass.</summary>
    public enum LimitCheck : byte
    {
        Within = 0,
        BelowSoftMin = 1,
        AboveSoftMax = 2,
        BelowHardMin = 3,
        AboveHardMax = 4,
    }

    /// <summary>
    /// Soft and hard limits of one quantity, in the unit its name gives (see <see cref="LimitKind"/>).
    /// Consistent means 0 &lt;= HardMin &lt;= SoftMin &lt;= SoftMax &lt;= HardMax; a soft bound equal to its
    /// hard bound means "no separate soft limit". <see cref="Unlimited"/> marks an absent maximum.
    /// </summary>
    public sealed class Limits
    {
        /// <summary>An absent upper bound.</summary>
        public const long Unlimited = long.MaxValue;

        /// <summary>A quantity the entry does not use (every bound 0).</summary>
        public static readonly Limits NotUsed = new Limits(0, 0, 0, 0);

        public readonly long HardMin;

        public readonly long SoftMin;

        public readonly long SoftMax;

        public readonly long HardMax;

        public Limits(long hardMin, long softMin, long softMax, long hardMax)
        {
            HardMin = hardMin;
            SoftMin = softMin;
            SoftMax = softMax;
            HardMax = hardMax;
        }

        public bool IsConsistent()
        {
            return HardMin >= 0 && HardMin <= SoftMin && SoftMin <= SoftMax && SoftMax <= HardMax;
        }

        /// <summary>Hard bounds first: a value beyond a hard bound reports the hard bound.</summary>
        public LimitCheck Check(long value)
        {
            if (value < HardMin)
            {
                return LimitCheck.BelowHardMin;
            }

            if (value > HardMax)
            {
                return LimitCheck.AboveHardMax;
            }

            if (value < SoftMin)
            {
                return LimitCheck.BelowSoftMin;
            }

            if (value > SoftMax)
            {
                return LimitCheck.AboveSoftMax;
            }

            return LimitCheck.Within;
        }

        /// <summary>The bound a check result refers to.</summary>
        public long BoundFor(LimitCheck check)
        {
            switch (check)
            {
                case LimitCheck.BelowHardMin:
                    return HardMin;
                case LimitCheck.AboveHardMax:
                    return HardMax;
                case LimitCheck.BelowSoftMin:
                    return SoftMin;
                case LimitCheck.AboveSoftMax:
                    return SoftMax;
                default:
                    return 0;
            }
        }
    }
}
