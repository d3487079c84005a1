using Xunit;

namespace Pump.Core.Tests
{
    /// <summary>
    /// Classes that measure allocations with GC.GetAllocatedBytesForCurrentThread run apart from every other
    /// test: in a parallel run the runner's own work can land on the measuring thread and be counted.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AllocationCollection
    {
        public const string Name = "Allocation measurements";
    }
}
