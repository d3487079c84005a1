using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>Buzzer and lamps: the simulator observes what the core selected.</summary>
    public sealed class SimAnnunciator : IAnnunciator
    {
        public AlarmSound Sound { get; private set; }

        public AlarmLight Light { get; private set; }

        public bool Running { get; private set; }

        public bool AudioPaused { get; private set; }

        /// <summary>Incremented on every change.</summary>
        public long Version { get; private set; }

        public void SetSound(AlarmSound sound)
        {
            if (sound != Sound)
            {
                Sound = sound;
                Version++;
            }
        }

        public void SetLight(AlarmLight light)
        {
            if (light != Light)
            {
                Light = light;
                Version++;
            }
        }

        public void SetRunning(bool on)
        {
            if (on != Running)
            {
                Running = on;
                Version++;
            }
        }

        public void SetAudioPaused(bool on)
        {
            if (on != AudioPaused)
            {
                AudioPaused = on;
                Version++;
            }
        }

        /// <summary>At power loss everything goes dark and silent.</summary>
        public void PowerOff()
        {
            SetSound(AlarmSound.Silent);
            SetLight(AlarmLight.Off);
            SetRunning(false);
            SetAudioPaused(false);
        }
    }
}
