namespace Pump.Hal
{
    /// <summary>Direction of plunger travel.</summary>
    public enum MotorDirection
    {
        /// <summary>Pushes the plunger: delivers fluid.</summary>
        Forward = 0,
        /// <summary>Withdraws the plunger: used only to back off after an occlusion.</summary>
        Reverse = 1,
    }

    /// <summary>
    /// The stepper driver's enable, direction and fault lines. The enable line is also cut by the
    /// external watchdog in hardware, so a stuck core cannot keep the motor powered.
    /// Failure: IsFaulted reports the driver's fault output (over-current, over-temperature,
    /// under-voltage); the core stops and alarms. Disable cannot fail.
    /// </summary>
    public interface IMotorDriver
    {
        /// <summary>Powers the driver stage. Steps are ignored while disabled.</summary>
        void Enable();

        /// <summary>Removes power from the driver stage at once. Idempotent.</summary>
        void Disable();

        /// <summary>True while the driver stage is enabled.</summary>
        bool IsEnabled { get; }

        /// <summary>Sets the direction for the following steps. Call only while no segment is queued.</summary>
        void SetDirection(MotorDirection direction);

        /// <summary>True while the driver's fault output is asserted.</summary>
        bool IsFaulted { get; }
    }
}
