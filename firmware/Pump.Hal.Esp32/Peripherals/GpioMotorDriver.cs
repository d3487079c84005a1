using System.Device.Gpio;
using Pump.Hal;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Stepper-driver control lines. Enable is a request: the driver's active-low EN input is
    /// NAND(enable request, watchdog /RESET), so the external watchdog cuts the motor in hardware and
    /// a reset MCU (pins floating, pull-down) cannot enable it. The EN line after that gate is read
    /// back; <see cref="IsEnabled"/> reports what the driver really sees, and a read-back that
    /// disagrees with the request is reported as a fault.
    /// </summary>
    public sealed class GpioMotorDriver : IMotorDriver
    {
        private readonly GpioPin _enableRequest;
        private readonly GpioPin _direction;
        private readonly GpioPin _fault;
        private readonly GpioPin _enableSense;
        private readonly bool _faultActiveHigh;
        private bool _requested;

        /// <param name="faultActiveHigh">True for TMC2209 DIAG (high = error); false for DRV8825 nFAULT.</param>
        public GpioMotorDriver(GpioController gpio, bool faultActiveHigh)
        {
            _faultActiveHigh = faultActiveHigh;
            _enableRequest = gpio.OpenPin(Esp32Pins.DriverEnableRequest, PinMode.Output);
            _enableRequest.Write(PinValue.Low);
            _direction = gpio.OpenPin(Esp32Pins.DriverDirection, PinMode.Output);
            _direction.Write(PinValue.Low);
            _fault = gpio.OpenPin(Esp32Pins.DriverFault, PinMode.Input);
            _enableSense = gpio.OpenPin(Esp32Pins.DriverEnableSense, PinMode.Input);
        }

        public void Enable()
        {
            _requested = true;
            _enableRequest.Write(PinValue.High);
        }

        public void Disable()
        {
            _enableRequest.Write(PinValue.Low);
            _requested = false;
        }

        /// <summary>The driver's EN line (active low) as read back after the watchdog gate.</summary>
        public bool IsEnabled
        {
            get { return _enableSense.Read() == PinValue.Low; }
        }

        public void SetDirection(MotorDirection direction)
        {
            _direction.Write(direction == MotorDirection.Forward ? PinValue.Low : PinValue.High);
        }

        /// <summary>Driver fault output, or an enable line that does not follow the request.</summary>
        public bool IsFaulted
        {
            get
            {
                bool faultHigh = _fault.Read() == PinValue.High;
                bool driverFault = faultHigh == _faultActiveHigh;
                bool enabledWithoutRequest = !_requested && IsEnabled;
                return driverFault || enabledWithoutRequest;
            }
        }

        /// <summary>Requested but not enabled: the watchdog holds the driver off (or the gate is broken).</summary>
        public bool IsHeldOffByWatchdog
        {
            get { return _requested && !IsEnabled; }
        }
    }
}
