using Pump.Core.Panel;
using Pump.Hal;

namespace Pump.Core.Service
{
    /// <summary>
    /// The device's own service page (raw converter readings and jog, hardware-docs/calibration.md), shown by
    /// <see cref="ServiceModeController"/> as its last page. Device-specific because raw counts and jog speeds
    /// belong to the port; the core only lends it the panel rows 1-3 and the keys while it is shown.
    /// </summary>
    public interface IServiceBenchPage
    {
        /// <summary>Writes rows 1 to 3 (row 0 stays "SERVICE MODE").</summary>
        void Render(ScreenBuffer screen);

        /// <summary>A key pressed while the page is shown (Silence is kept by the core to leave the page).</summary>
        void HandleKey(PanelKey key);

        /// <summary>True while the page deliberately starves the watchdog (the bench test of the watchdog cut-off).</summary>
        bool StarvesWatchdog { get; }
    }
}
