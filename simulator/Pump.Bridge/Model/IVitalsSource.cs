using System;
using System.Threading;
using System.Threading.Tasks;

namespace Pump.Bridge.Model
{
    /// <summary>
    /// One source adapter (PCD-01 over MLLP, IntelliVue Data Export, the simulator's virtual monitor). It hands every
    /// decoded report to <see cref="ISourceEvents.Report"/>, says when its source is gone, and logs its associations,
    /// connections, drops and rejections.
    /// </summary>
    public interface IVitalsSource
    {
        /// <summary>Short name for the log and status view ("pcd01", "intellivue", "virtual").</summary>
        string Name { get; }

        /// <summary>Runs until cancelled.</summary>
        Task RunAsync(ISourceEvents events, CancellationToken cancel);
    }

    /// <summary>What a source adapter tells the bridge.</summary>
    public interface ISourceEvents
    {
        void Report(SourceReport report);

        void Lost(string why);

        void Log(string category, string message);
    }
}
