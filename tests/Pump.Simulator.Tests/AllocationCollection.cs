using Xunit;

namespace Pump.Simulator.Tests
{
    /// <summary>Classes that count allocations on their thread run apart from the parallel pool.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AllocationCollection
    {
        public const string Name = "Allocation measurements";
    }
}
