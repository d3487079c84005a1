namespace Pump.Sim.Monitor
{
    /// <summary>
    /// Another way for the virtual monitor's readings to reach the pump than its own link frames: a real protocol
    /// (PCD-01, IntelliVue Data Export) through a monitor bridge (tests/Pump.Evidence/Bridge/BridgeChain).
    /// </summary>
    public interface IReadingTransport
    {
        /// <summary>Carries one reading taken at simulated time <paramref name="nowMs"/>; returns the bytes that reached the pump's link.</summary>
        int Send(in VitalSignsReading reading, long nowMs);
    }
}
