using System;
using System.Diagnostics;
using System.Threading;
using Pump.Core.Configuration;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Pump.Hal.Esp32.Peripherals;

namespace Pump.Firmware
{
    /// <summary>
    /// ESP32 composition root (DESIGN.md D3, D4): builds the peripherals, runs the power-up
    /// self-test, then calls <see cref="PumpController.Tick"/> every
    /// <see cref="PumpController.TickPeriodMs"/> on deadlines of the µs clock
    /// (<see cref="ControlLoopTiming"/>: no drift, no sleep under the 10 ms RTOS tick, missed
    /// periods skipped and counted). Around each tick: inputs polled before, RMT bursts, buzzer and
    /// lamps serviced after. Any exception that reaches this loop stops the motor in hardware and
    /// enters the safe halt: the core is built never to throw, so an exception means the firmware can
    /// no longer be trusted to deliver.
    /// </summary>
    public static class Program
    {
        /// <summary>Debug-console line when the peripherals cannot be opened (followed by the exception type).</summary>
        public const string BoardUnavailable = "BOARD UNAVAILABLE: ";

        public static void Main()
        {
            DeviceBoard? board = null;
            try
            {
                board = new DeviceBoard();
            }
            catch (Exception e)
            {
                // Debug builds say why on the debug console (the on-target link test reads it: on the host
                // nanoCLR the first native hardware call is where the firmware must stop).
                Debug.WriteLine(BoardUnavailable + e.GetType().FullName);

                // Without the board nothing can be shown. ENABLE was driven low first (or is held low
                // by its pull-down) and the watchdog is not armed, so the pump sits stopped.
                Thread.Sleep(Timeout.Infinite);
            }

            DeviceBoard hardwareBoard = board!;
            PowerOnSelfTest selfTest = new PowerOnSelfTest(hardwareBoard);
            bool passed;
            try
            {
                passed = selfTest.Run();
            }
            catch (Exception)
            {
                passed = false;
            }

            if (!passed)
            {
                SafeHalt(hardwareBoard, selfTest.Watchdog, "SELF-TEST FAILED", selfTest.Failure ?? "EXCEPTION");
            }

            Tps3823Watchdog watchdog = selfTest.Watchdog!;
            if (selfTest.ServiceModeRequested)
            {
                new ServiceMode(hardwareBoard, watchdog).Run();
            }

            watchdog.Kick();   // the controller's construction (state recovery) must fit in one watchdog time-out
            // Calibration, pairing and clinic settings come from the unit's store; a unit without a usable
            // configuration never gets here (self-test), and the controller refuses to start without one (CFG-003).
            PumpSettings settings = new PumpSettings();
            ConfigurationApplier.Apply(hardwareBoard.ConfigurationProblem == ConfigProblem.None ? hardwareBoard.UnitConfiguration : null,
                hardwareBoard.ConfigurationProblem, settings);
            // The monitor-link key and its replay floor come from the store too (LNK-017, LNK-018).
            LinkPairingLoader.LoadAndApply(hardwareBoard.Store, settings);
            PumpController controller = new PumpController(hardwareBoard.ToHardware(watchdog), settings, ShippedLibrary.Build());
            watchdog.Kick();
            RunControlLoop(hardwareBoard, controller);
        }

        private static void RunControlLoop(DeviceBoard board, PumpController controller)
        {
            ControlLoopTiming timing = new ControlLoopTiming(board.Clock.NowUs, PumpController.TickPeriodMs);
            while (true)
            {
                timing.TickStarted(board.Clock.NowUs);
                try
                {
                    board.BeforeTick();
                    controller.Tick();   // kicks the watchdog only when the tick is healthy
                    board.AfterTick();
                }
                catch (Exception)
                {
                    board.StopMotor();
                    SafeHalt(board, board.Watchdog, "FIRMWARE FAULT", "EXCEPTION IN TICK");
                }

                timing.Advance(board.Clock.NowUs);
                int sleepMs = timing.SleepMs(board.Clock.NowUs);
                if (sleepMs > 0)
                {
                    Thread.Sleep(sleepMs);
                }

                while (!timing.IsDue(board.Clock.NowUs))
                {
                    // Spin the last < 20 ms on the µs clock; Sleep cannot resolve them.
                }
            }
        }

        /// <summary>
        /// Terminal state: motor off in hardware, reason on the display, high-priority alarm. The
        /// watchdog keeps being kicked so the message stays readable (a reset would only repeat the
        /// self-test); the motor cannot start from here. Never returns.
        /// </summary>
        private static void SafeHalt(DeviceBoard board, Tps3823Watchdog? watchdog, string title, string reason)
        {
            board.StopMotor();
            try
            {
                Screen.Show(board.Display, title, reason, "PUMP STOPPED", "SERVICE REQUIRED");
                board.Annunciator.SetSound(AlarmSound.HighPriority);
                board.Annunciator.SetLight(AlarmLight.HighFlashing);
                board.Annunciator.SetRunning(false);
            }
            catch (Exception)
            {
                // Keep halting even if the outputs are broken.
            }

            while (true)
            {
                board.StopMotor();
                try
                {
                    board.Annunciator.Service();
                    board.Expander.FlushOutputs();
                }
                catch (Exception)
                {
                    // Outputs broken: the motor is still off.
                }

                if (watchdog != null)
                {
                    watchdog.Kick();
                }

                Thread.Sleep(50);
            }
        }
    }
}
