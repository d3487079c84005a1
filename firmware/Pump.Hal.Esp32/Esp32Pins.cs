namespace Pump.Hal.Esp32
{
    /// <summary>
    /// ESP32-WROVER pin assignment. hardware-docs/pinout.md gives the reason for every pin; keep the
    /// two in step. Avoided: strapping pins 0, 2, 5, 12, 15; flash/PSRAM pins 6–11 and 16–17 (WROVER);
    /// GPIO1/3 (COM1, the nanoFramework debug and deploy port); ADC2 pins for analog.
    /// </summary>
    public static class Esp32Pins
    {
        // Step generation: two RMT channels ORed, then gated (SN74LVC1G3208: Y = (A + B) · C).
        public const int StepA = 25;            // RMT channel 0
        public const int StepB = 26;            // RMT channel 1
        public const int StepGate = 19;         // C input: low blocks STEP at once (10 kΩ pull-down)
        public const int StepCountIn = 34;      // loopback from the gated STEP line (input-only pin, PCNT)

        // Stepper driver.
        public const int DriverEnableRequest = 13;  // high requests enable; NANDed with the watchdog /RESET (10 kΩ pull-down)
        public const int DriverDirection = 14;
        public const int DriverFault = 35;          // TMC2209 DIAG (high = error) / DRV8825 nFAULT (low = fault); input-only
        public const int DriverEnableSense = 39;    // reads the driver's actual EN line after the gate (low = enabled); input-only

        // Watchdog supervisor (TPS3823A-33): WDI kicked by edges; a floating WDI disables its watchdog until firmware drives it (no pull resistor).
        public const int WatchdogKick = 23;

        // Plunger-position potentiometer wiper: GPIO36 = ADC1_CH0 (nanoFramework ADC channel 0). ADC1 works with Wi-Fi; ADC2 does not.
        public const int PlungerPotentiometer = 36;
        public const int PlungerAdcChannel = 0;

        // Monitor link: COM2 through a MAX3232.
        public const int MonitorRx = 33;
        public const int MonitorTx = 27;

        // Service port (hardware-docs/service-link.md): COM3 through the MAX3232's second channel; answered only in service mode.
        public const int ServiceRx = 16;
        public const int ServiceTx = 17;

        // I2C1 (bus id 1): display backpack 0x27, MCP23017 expander 0x20, DS3231 RTC 0x68.
        public const int I2c1Data = 21;
        public const int I2c1Clock = 22;

        // I2C2 (bus id 2): load-cell ADC NAU7802 0x2A, alone on its bus so a display fault cannot blind occlusion sensing.
        public const int I2c2Data = 4;
        public const int I2c2Clock = 32;

        // Buzzer: LEDC PWM1 (System.Device.Pwm, LEDC timer 0) driving a magnetic transducer through a transistor.
        public const int Buzzer = 18;

        // RMT channel numbers (the step generator's two channels).
        public const int RmtStepChannelA = 0;
        public const int RmtStepChannelB = 1;
    }

    /// <summary>MCP23017 port assignment (I2C1, address 0x20).</summary>
    public static class ExpanderBits
    {
        // Port A: keys to ground, internal pull-ups; bit i = PanelKey i+1.
        public const int KeysMask = 0x7F;            // GPA0 Up … GPA6 Silence; GPA7 spare input

        // Port B inputs: changeover switches, both contacts (NO, NC) to ground.
        public const int ClampNormallyOpen = 0x01;   // GPB0
        public const int ClampNormallyClosed = 0x02; // GPB1
        public const int PlungerNormallyOpen = 0x04; // GPB2
        public const int PlungerNormallyClosed = 0x08; // GPB3

        // Port B outputs: lamps (high = on, through transistor or 1 kΩ resistor).
        public const int LampRed = 0x10;             // GPB4 high-priority alarm
        public const int LampYellow = 0x20;          // GPB5 medium/low-priority alarm
        public const int LampGreen = 0x40;           // GPB6 infusing
        public const int LampAudioPaused = 0x80;     // GPB7 alarm audio paused
        public const int PortBInputMask = 0x0F;
    }
}
