using Xunit;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>Every on-target test class shares one <see cref="NanoBuild"/> (each assembly compiled once per run) and runs serially.</summary>
    [CollectionDefinition(Name)]
    public sealed class NanoCollection : ICollectionFixture<NanoBuild>
    {
        public const string Name = "nanoCLR";
    }
}
