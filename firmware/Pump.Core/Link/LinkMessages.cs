namespace Pump.Core.Link
{
    /// <summary>Fixed texts (at most 20 characters) for frame results, for the event log and service screen.</summary>
    public static class LinkMessages
    {
        public static string ForResult(FrameResult result)
        {
            switch (result)
            {
                case FrameResult.None: return "NO FRAME";
                case FrameResult.Accepted: return "FRAME OK";
                case FrameResult.BadCrc: return "LINK BAD CRC";
                case FrameResult.BadLength: return "LINK BAD LENGTH";
                case FrameResult.UnknownVersion: return "LINK BAD VERSION";
                case FrameResult.UnknownType: return "LINK BAD TYPE";
                case FrameResult.Unpaired: return "WRONG MONITOR";
                case FrameResult.Replay: return "LINK REPLAY";
                case FrameResult.Implausible: return "IMPLAUSIBLE VITALS";
                case FrameResult.BadTag: return "LINK NOT AUTHENTIC";
                case FrameResult.SourceChanged: return "MONITOR BED CHANGED";
                case FrameResult.ReplayGuardFault: return "REPLAY GUARD FAULT";
                case FrameResult.BelowFloor: return "LINK RESYNCING";
                default: return "LINK UNKNOWN";
            }
        }
    }
}
