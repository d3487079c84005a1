namespace Pump.Core.Service
{
    /// <summary>
    /// Byte layout of a service-link frame (hardware-docs/service-link.md is the specification). Little-endian.
    /// sync 0x5E 0xC5, version, command, payload length u16, sequence u32, payload, CRC-32 of every byte from
    /// the version to the end of the payload. The sync differs from the monitor link's, so a monitor cable on
    /// the service port (or the reverse) is never read as commands.
    /// </summary>
    public static class ServiceFrameFormat
    {
        public const byte Sync0 = 0x5E;
        public const byte Sync1 = 0xC5;
        public const byte Version1 = 0x01;

        public const int OffsetVersion = 2;
        public const int OffsetCommand = 3;
        public const int OffsetLength = 4;
        public const int OffsetSequence = 6;
        public const int OffsetPayload = 10;

        public const int HeaderLength = 10;
        public const int CrcLength = 4;

        /// <summary>Largest payload either side sends; a longer declared length is refused at once.</summary>
        public const int MaxPayloadLength = 600;
        public const int MaxFrameLength = HeaderLength + MaxPayloadLength + CrcLength;

        /// <summary>A frame not complete this long after its first byte is refused as truncated.</summary>
        public const int FrameTimeoutMs = 1000;

        /// <summary>A response carries the request's command with this bit set.</summary>
        public const byte ResponseBit = 0x80;
    }
}
