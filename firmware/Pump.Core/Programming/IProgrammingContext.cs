using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Units;

namespace Pump.Core.Programming
{
    /// <summary>What the programming wizard needs from the pump: the library, the mechanism, spacing and limits.</summary>
    public interface IProgrammingContext
    {
        DrugLibrary Library { get; }

        Mechanism Mechanism { get; }

        /// <summary>The session-spacing verdict last computed (shown on review).</summary>
        SpacingCheckResult SpacingCheck { get; }

        SpacingCheckResult CheckSpacing(DrugEntry drug);

        /// <summary>The program's step rate is one the mechanism can produce (PRG-011).</summary>
        bool WithinMechanism(InfusionProgram program);
    }
}
