namespace Pump.Hal
{
    /// <summary>The pump's front-panel keys.</summary>
    public enum PanelKey
    {
        None = 0,
        Up = 1,
        Down = 2,
        Ok = 3,
        Back = 4,
        Start = 5,
        /// <summary>Pause/stop: pauses an infusion; held or pressed twice it stops the session.</summary>
        PauseStop = 6,
        /// <summary>Pauses alarm audio for at most two minutes.</summary>
        Silence = 7,
    }
}
