namespace Pump.Sim.Monitor
{
    /// <summary>
    /// Stand-in encoding used until the monitor-link protocol lands in the core (interlock work): one ASCII
    /// line "$VS,id,seq,hr,spo2,rr,sbp,dbp,flags*CC\r\n" with an XOR checksum. Replace by the core encoder's
    /// adapter; nothing else in the simulator depends on the byte format.
    /// </summary>
    public sealed class ProvisionalFrameEncoder : IVitalsFrameEncoder
    {
        public int MaxFrameBytes => 96;

        public int Encode(in VitalSignsReading r, byte[] buffer)
        {
            int i = 0;
            buffer[i++] = (byte)'$';
            buffer[i++] = (byte)'V';
            buffer[i++] = (byte)'S';
            i = Field(buffer, i, r.MonitorId);
            i = Field(buffer, i, r.Sequence);
            i = Field(buffer, i, r.ProbeOff ? -1 : r.HrBpm);
            i = Field(buffer, i, r.ProbeOff ? -1 : r.Spo2Pct);
            i = Field(buffer, i, r.RrPerMin);
            i = Field(buffer, i, r.HasBloodPressure ? r.SbpMmHg : -1);
            i = Field(buffer, i, r.HasBloodPressure ? r.DbpMmHg : -1);
            i = Field(buffer, i, (r.HasBloodPressure ? 1 : 0) | (r.ProbeOff ? 2 : 0));
            byte x = 0;
            for (int k = 1; k < i; k++)
            {
                x ^= buffer[k];
            }
            buffer[i++] = (byte)'*';
            buffer[i++] = Hex(x >> 4);
            buffer[i++] = Hex(x & 0xF);
            buffer[i++] = (byte)'\r';
            buffer[i++] = (byte)'\n';
            return i;
        }

        private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

        private static int Field(byte[] b, int i, int value)
        {
            b[i++] = (byte)',';
            if (value < 0)
            {
                b[i++] = (byte)'-';
                value = -value;
            }
            int start = i;
            do
            {
                b[i++] = (byte)('0' + (value % 10));
                value /= 10;
            }
            while (value > 0);
            System.Array.Reverse(b, start, i - start);
            return i;
        }
    }
}
