namespace Pump.Core.Link
{
    /// <summary>
    /// Writes vital-signs frames (the simulator's virtual monitor and the tests use it).
    /// Encodes into a caller-supplied buffer; allocates nothing.
    /// </summary>
    public static class MonitorFrameEncoder
    {
        /// <summary>
        /// Encodes <paramref name="vitals"/> (including its MonitorId and Sequence) as a version-1 vitals frame at
        /// buffer[offset..]. Returns the frame length (<see cref="MonitorFrameFormat.VitalsFrameLength"/>), or 0 if
        /// the buffer is too small or a value does not fit its field (nothing useful is written then).
        /// </summary>
        public static int EncodeVitals(VitalSigns vitals, byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || buffer.Length - offset < MonitorFrameFormat.VitalsFrameLength)
            {
                return 0;
            }

            if (!FitsU16(vitals.HeartRateBpm) || !FitsU8(vitals.Spo2Percent) || !FitsU8(vitals.RespiratoryRatePerMin)
                || !FitsU16(vitals.SystolicMmHg) || !FitsU16(vitals.DiastolicMmHg) || !FitsU16(vitals.MeanMmHg)
                || !FitsU16(vitals.NibpAgeS) || !FitsU16(vitals.NibpReadingNumber)
                || !FitsU8(vitals.AvailableFlags) || !FitsU8(vitals.StatusFlags))
            {
                return 0;
            }

            int p = offset + MonitorFrameFormat.OffsetPayload;
            buffer[offset] = MonitorFrameFormat.Sync0;
            buffer[offset + 1] = MonitorFrameFormat.Sync1;
            buffer[offset + MonitorFrameFormat.OffsetVersion] = MonitorFrameFormat.Version1;
            buffer[offset + MonitorFrameFormat.OffsetType] = MonitorFrameFormat.TypeVitals;
            buffer[offset + MonitorFrameFormat.OffsetLength] = MonitorFrameFormat.VitalsPayloadLength;
            MonitorFrameFormat.WriteU32(buffer, offset + MonitorFrameFormat.OffsetMonitorId, vitals.MonitorId);
            MonitorFrameFormat.WriteU32(buffer, offset + MonitorFrameFormat.OffsetSequence, vitals.Sequence);
            MonitorFrameFormat.WriteU16(buffer, p + MonitorFrameFormat.PHeartRate, vitals.HeartRateBpm);
            buffer[p + MonitorFrameFormat.PSpo2] = (byte)vitals.Spo2Percent;
            buffer[p + MonitorFrameFormat.PRespRate] = (byte)vitals.RespiratoryRatePerMin;
            MonitorFrameFormat.WriteU16(buffer, p + MonitorFrameFormat.PSystolic, vitals.SystolicMmHg);
            MonitorFrameFormat.WriteU16(buffer, p + MonitorFrameFormat.PDiastolic, vitals.DiastolicMmHg);
            MonitorFrameFormat.WriteU16(buffer, p + MonitorFrameFormat.PMean, vitals.MeanMmHg);
            MonitorFrameFormat.WriteU16(buffer, p + MonitorFrameFormat.PNibpAge, vitals.NibpAgeS);
            MonitorFrameFormat.WriteU16(buffer, p + MonitorFrameFormat.PNibpReading, vitals.NibpReadingNumber);
            buffer[p + MonitorFrameFormat.PAvailable] = (byte)vitals.AvailableFlags;
            buffer[p + MonitorFrameFormat.PStatus] = (byte)vitals.StatusFlags;
            WriteCrc(buffer, offset, MonitorFrameFormat.VitalsPayloadLength);
            return MonitorFrameFormat.VitalsFrameLength;
        }

        /// <summary>
        /// Computes and writes the CRC of the frame at buffer[offset..] whose header and payload
        /// (payloadLength bytes) are already in place. Also used by tests to forge well-formed frames.
        /// </summary>
        public static void WriteCrc(byte[] buffer, int offset, int payloadLength)
        {
            int covered = MonitorFrameFormat.HeaderLength - MonitorFrameFormat.OffsetVersion + payloadLength;
            uint crc = Common.Crc32.Compute(buffer, offset + MonitorFrameFormat.OffsetVersion, covered);
            MonitorFrameFormat.WriteU32(buffer, offset + MonitorFrameFormat.HeaderLength + payloadLength, crc);
        }

        private static bool FitsU8(int v)
        {
            return v >= 0 && v <= 0xFF;
        }

        private static bool FitsU16(int v)
        {
            return v >= 0 && v <= 0xFFFF;
        }
    }
}
