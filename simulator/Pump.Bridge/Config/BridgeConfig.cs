namespace Pump.Bridge.Config
{
    /// <summary>The bridge's configuration file (hardware-docs/monitor-bridge.md shows a complete example).</summary>
    public sealed class BridgeConfig
    {
        public SourceConfig Source { get; set; } = new();

        public OutputConfig Output { get; set; } = new();

        /// <summary>The id the pump is paired with (hex "0x12345678" or decimal).</summary>
        public string PairedMonitorId { get; set; } = string.Empty;

        /// <summary>File holding the pairing key as hex (32 random bytes from `monitor-bridge keygen`).</summary>
        public string KeyFile { get; set; } = string.Empty;

        /// <summary>File holding the boot number; raised by one at every start before anything is sent.</summary>
        public string BootFile { get; set; } = string.Empty;

        /// <summary>Optional: the only bed label accepted (commissioning).</summary>
        public string? ExpectedBedLabel { get; set; }

        public int? SourceTimeoutMs { get; set; }

        public int? MaxClockSkewMs { get; set; }
    }

    public sealed class SourceConfig
    {
        /// <summary>"pcd01" or "intellivue".</summary>
        public string Kind { get; set; } = string.Empty;

        /// <summary>PCD-01: the endpoint to listen on for MLLP (e.g. "0.0.0.0:2575").</summary>
        public string? Listen { get; set; }

        /// <summary>IntelliVue: the monitor's address ("192.168.10.20" or "192.168.10.20:24105").</summary>
        public string? Monitor { get; set; }

        /// <summary>IntelliVue: the source id to report (e.g. the monitor's serial as hex); PCD-01 reads the EUI-64.</summary>
        public string? SourceId { get; set; }

        /// <summary>IntelliVue: the bed label to report.</summary>
        public string? BedLabel { get; set; }
    }

    public sealed class OutputConfig
    {
        /// <summary>Serial port name ("/dev/ttyUSB0", "COM3").</summary>
        public string? SerialPort { get; set; }

        public int Baud { get; set; } = 115200;

        /// <summary>Or a TCP endpoint ("127.0.0.1:7001").</summary>
        public string? Tcp { get; set; }
    }
}
