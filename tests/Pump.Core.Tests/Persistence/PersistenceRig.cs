using Pump.Core.Persistence;

namespace Pump.Core.Tests.Persistence
{
    /// <summary>One simulated device: a power-cut store, its clocks, and "boot" = build everything afresh over the same bytes.</summary>
    internal sealed class PersistenceRig
    {
        public PowerCutStore Store { get; } = new PowerCutStore(StoreLayout.Esp32ConfigPartitionBytes);

        public ManualMonotonicClock Clock { get; } = new ManualMonotonicClock();

        public ManualRealTimeClock Rtc { get; } = new ManualRealTimeClock();

        /// <summary>Power back on, new objects, power-up recovery.</summary>
        public PumpPersistence Boot()
        {
            Store.Reboot();
            Clock.NowUs = 0;
            var p = new PumpPersistence(Store, Clock, Rtc);
            p.Open();
            return p;
        }
    }
}
