namespace Pump.Core.Link
{
    /// <summary>
    /// Writes version-2 vital-signs frames (the simulator's virtual monitor, the monitor bridge and the tests use
    /// it). Encodes into a caller-supplied buffer with the sender's keyed MAC; allocates nothing.
    /// </summary>
    public static class MonitorFrameEncoder
    {
        /// <summary>
        /// Encodes <paramref name="vitals"/> (including its MonitorId, Boot and Sequence) as an authenticated vitals
        /// frame at buffer[offset..]. Returns the frame length (<see cref="MonitorFrameFormat.VitalsFrameLength"/>),
        /// or 0 if the buffer is too small, the MAC has no key, or a value does not fit its field.
        /// </summary>
        public static int EncodeVitals(VitalSigns vitals, HmacSha256 mac, byte[] buffer, int offset)
        {
            if (buffer == null || mac == null || !mac.Keyed || offset < 0
                || buffer.Length - offset < MonitorFrameFormat.VitalsFrameLength)
            {
                return 0;
            }

            if (!VitalsPayload.Write(vitals, buffer, offset + MonitorFrameFormat.OffsetPayload))
            {
                return 0;
            }

            buffer[offset] = MonitorFrameFormat.Sync0;
            buffer[offset + 1] = MonitorFrameFormat.Sync1;
            buffer[offset + MonitorFrameFormat.OffsetVersion] = MonitorFrameFormat.Version2;
            buffer[offset + MonitorFrameFormat.OffsetType] = MonitorFrameFormat.TypeVitals;
            buffer[offset + MonitorFrameFormat.OffsetLength] = MonitorFrameFormat.VitalsPayloadLength;
            MonitorFrameFormat.WriteU32(buffer, offset + MonitorFrameFormat.OffsetMonitorId, vitals.MonitorId);
            MonitorFrameFormat.WriteU32(buffer, offset + MonitorFrameFormat.OffsetBoot, vitals.Boot);
            MonitorFrameFormat.WriteU32(buffer, offset + MonitorFrameFormat.OffsetSequence, vitals.Sequence);
            WriteTagAndCrc(buffer, offset, MonitorFrameFormat.VitalsPayloadLength, mac);
            return MonitorFrameFormat.VitalsFrameLength;
        }

        /// <summary>
        /// Computes and writes the tag and the CRC of the version-2 frame at buffer[offset..] whose header and
        /// payload (payloadLength bytes) are in place. Also used by tests to build well-formed frames of any content.
        /// </summary>
        public static void WriteTagAndCrc(byte[] buffer, int offset, int payloadLength, HmacSha256 mac)
        {
            int tagAt = offset + MonitorFrameFormat.HeaderLength + payloadLength;
            mac.Begin();
            mac.Update(buffer, offset + MonitorFrameFormat.OffsetVersion, tagAt - offset - MonitorFrameFormat.OffsetVersion);
            mac.FinishTruncated(buffer, tagAt, MonitorFrameFormat.TagLength);
            WriteCrc(buffer, offset, payloadLength);
        }

        /// <summary>Computes and writes the CRC of the version-2 frame at buffer[offset..] (tag included in the cover).</summary>
        public static void WriteCrc(byte[] buffer, int offset, int payloadLength)
        {
            int crcAt = MonitorFrameFormat.HeaderLength + payloadLength + MonitorFrameFormat.TagLength;
            uint crc = Common.Crc32.Compute(buffer, offset + MonitorFrameFormat.OffsetVersion, crcAt - MonitorFrameFormat.OffsetVersion);
            MonitorFrameFormat.WriteU32(buffer, offset + crcAt, crc);
        }
    }
}
