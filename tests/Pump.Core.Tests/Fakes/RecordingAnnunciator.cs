using Pump.Hal;

namespace Pump.Core.Tests.Fakes
{
    internal sealed class RecordingAnnunciator : IAnnunciator
    {
        public AlarmSound Sound { get; private set; }
        public AlarmLight Light { get; private set; }
        public bool Running { get; private set; }
        public bool AudioPaused { get; private set; }
        public int SoundChanges { get; private set; }
        public int LightWrites { get; private set; }
        public int PausedWrites { get; private set; }
        public int RunningWrites { get; private set; }

        public void SetSound(AlarmSound sound)
        {
            Sound = sound;
            SoundChanges++;
        }

        public void SetLight(AlarmLight light)
        {
            Light = light;
            LightWrites++;
        }

        public void SetRunning(bool on)
        {
            Running = on;
            RunningWrites++;
        }

        public void SetAudioPaused(bool on)
        {
            AudioPaused = on;
            PausedWrites++;
        }
    }
}
