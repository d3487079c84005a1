using Xunit;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>
    /// A test that needs the nanoFramework toolchain: skipped with instructions where none is installed,
    /// unless PUMP_REQUIRE_NANO=1 (CI), where it runs and fails for the missing toolchain.
    /// </summary>
    public sealed class OnTargetFactAttribute : FactAttribute
    {
        public OnTargetFactAttribute()
        {
            if (!NanoToolchain.Required && NanoToolchain.Find() == null)
            {
                Skip = NanoToolchain.MissingMessage;
            }
        }
    }
}
