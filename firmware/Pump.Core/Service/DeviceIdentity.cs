namespace Pump.Core.Service
{
    /// <summary>What the image says about itself on the service link: version and the source commit it was built from.</summary>
    public sealed class DeviceIdentity
    {
        public DeviceIdentity(string firmwareVersion, string sourceCommit)
        {
            FirmwareVersion = firmwareVersion;
            SourceCommit = sourceCommit;
        }

        public string FirmwareVersion { get; }

        public string SourceCommit { get; }
    }
}
