namespace Pump.Core.Control
{
    /// <summary>
    /// What supervision found this tick, one boolean per fact, before any state decides whether it matters:
    /// <see cref="AlarmConditions"/> says, per alarm, which fact raises it and in which states it is armed.
    /// Preallocated and overwritten every tick.
    /// </summary>
    public sealed class SupervisionFacts
    {
        public const int None = 0;
        /// <summary>A program is loaded and the step counter is unreadable or went backwards.</summary>
        public const int CounterFault = 1;
        public const int MotorStall = 2;
        /// <summary>Pulses beyond those commanded, or plunger motion while the motor is off.</summary>
        public const int MotorRunaway = 3;
        public const int OverInfusion = 4;
        public const int UnderInfusion = 5;
        /// <summary>The occlusion detector's verdict on this tick's force (a program loaded, force readable).</summary>
        public const int Occluded = 6;
        public const int SyringeEmpty = 7;
        /// <summary>Near empty, with hysteresis (TEC-014).</summary>
        public const int NearEmpty = 8;
        /// <summary>Counted microsteps beyond the program's total.</summary>
        public const int OverDose = 9;
        /// <summary>A program is loaded and the clamp is open, the flange disengaged or the switches unreadable.</summary>
        public const int SyringeNotSecured = 10;
        public const int DriverFault = 11;
        public const int ForceSensorFault = 12;
        public const int PositionSensorFault = 13;
        /// <summary>A reservation or snapshot write failed since the last tick.</summary>
        public const int StorageFault = 14;
        public const int DisplayFault = 15;
        /// <summary>In the current state for longer than the paused callback time.</summary>
        public const int StateLong = 16;
        /// <summary>No key and no state change for longer than the programming callback time.</summary>
        public const int Untouched = 17;
        public const int ClockInvalid = 18;
        /// <summary>The drug needs vitals, its interlock session runs, and the limit level is advisory.</summary>
        public const int VitalAdvisory = 19;
        public const int VitalHold = 20;
        public const int VitalStop = 21;
        /// <summary>The drug needs vitals, no hold or stop, and the lease is not held.</summary>
        public const int LeaseLost = 22;
        public const int UnpairedMonitor = 23;
        public const int LinkErrors = 24;
        public const int Count = 25;

        private readonly bool[] _values = new bool[Count];

        public bool Get(int fact)
        {
            return fact > None && fact < Count && _values[fact];
        }

        internal void Set(int fact, bool value)
        {
            _values[fact] = value;
        }
    }
}
