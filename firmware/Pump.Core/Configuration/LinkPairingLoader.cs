using Pump.Core.Control;
using Pump.Hal;

namespace Pump.Core.Configuration
{
    /// <summary>
    /// Power-up pairing from the store (LNK-017, LNK-018): after <see cref="ConfigurationApplier"/> has set the
    /// commissioned monitor, pairs <see cref="PumpSettings.MonitorLink"/> from the stored key when it belongs to that
    /// monitor, and attaches the persisted replay floor. Anything else leaves the link unpaired (every frame is
    /// refused) and names the reason in <see cref="PumpSettings.LinkKeyProblem"/>, which the start refusal shows.
    /// </summary>
    public static class LinkPairingLoader
    {
        /// <summary>Returns the <see cref="LinkKeyProblem"/> (None when paired).</summary>
        public static int LoadAndApply(INonVolatileStore store, PumpSettings settings)
        {
            Link.LinkKeyStore keys = settings.MonitorLink;
            keys.Unpair();
            int problem = new LinkKeyRecord(store).TryLoad(keys);
            if (problem == LinkKeyProblem.None && keys.MonitorId != settings.PairedMonitorId)
            {
                keys.Unpair();
                problem = LinkKeyProblem.KeyForOtherMonitor;
            }

            if (problem == LinkKeyProblem.None && !keys.Floor.Attach(store, keys.MonitorId, keys.KeyCheck))
            {
                problem = LinkKeyProblem.ReplayFloorDamaged; // stays paired: the floor refuses every frame, by name
            }

            settings.LinkKeyProblem = problem;
            return problem;
        }
    }
}
