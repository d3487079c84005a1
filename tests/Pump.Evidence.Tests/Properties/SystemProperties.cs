using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Supervision;
using Pump.Evidence.Accuracy;
using Pump.Hal;
using Xunit;

namespace Pump.Evidence.Tests.Properties
{
    /// <summary>
    /// Whole-pump properties: the real controller on the simulator's virtual hardware (BenchRig), programmed
    /// through the panel with a random program, then exposed to random vital signs, link silence, occlusions,
    /// clamp openings, key presses, silence presses and power cuts. Checked after every 50 ms tick.
    /// </summary>
    public sealed class SystemProperties
    {
        /// <summary>A random program: ketamine within the soft limits, or a plain mL/h program.</summary>
        public sealed record ProgramChoice(bool Ketamine, int Conc, int WeightDeciKg, int DoseCentiMgPerKg, int DurationMin, int RateDeciMlPerH, int VolumeDeciMl)
        {
            public override string ToString() => Ketamine
                ? $"ketamine {Conc} mg/mL, {WeightDeciKg / 10.0} kg, {DoseCentiMgPerKg / 100.0} mg/kg, {DurationMin} min"
                : $"plain {RateDeciMlPerH / 10.0} mL/h, {VolumeDeciMl / 10.0} mL";
        }

        /// <summary>One disturbance at a tick after the start.</summary>
        public sealed record Disturbance(int AtTick, int Kind, int Value)
        {
            public override string ToString() => $"t+{AtTick * 0.05:F2}s {Names[Kind]}({Value})";
        }

        private static readonly string[] Names =
        {
            "vitalsHold", "vitalsStop", "vitalsNormal", "monitorSilent", "occlusionOn", "occlusionOff",
            "clampOpen", "clampClose", "key", "powerCycle", "silence",
        };

        private static readonly Gen<ProgramChoice> Programs =
            from ketamine in Gen.Bool
            from conc in Gen.Int[1, 2]
            from weight in Gen.Int[450, 1200]
            from dose in Gen.Int[10, 75]
            from duration in Gen.Int[40, 60]
            from rate in Gen.Int[10, 1500]
            from volume in Gen.Int[10, 600]
            select new ProgramChoice(ketamine, dose * weight / 10 / conc > 580 ? 2 : conc, weight, dose, duration, rate, volume);

        private static readonly Gen<Disturbance[]> Disturbances =
            Gen.Select(Gen.Int[1, 12_000], Gen.Int[0, Names.Length - 1], Gen.Int[0, 600], (t, k, v) => new Disturbance(t, k, v)).Array[0, 12];

        // Proves: STM-002, STM-004, STM-007, STM-008, STM-009, DEL-004, ALM-003, PER-006, INT-001
        [Fact]
        public void Property_WholePump_UnderRandomDisturbances_KeepsEverySafetyInvariant()
        {
            var seen = new Coverage();
            Gen.Select(Programs, Disturbances, Gen.Int[1, 1000]).Sample((program, disturbances, seed) =>
            {
                string failure = RunAndCheck(program, disturbances, seed, seen);
                Assert.True(failure.Length == 0, failure);
            }, iter: 40, seed: "0N0XvGvFnypA", threads: 1);

            // The runs must actually reach the situations the invariants are about.
            Assert.True(seen.InfusingTicks > 10_000, $"{seen.InfusingTicks} infusing ticks");
            Assert.True(seen.States.Contains(PumpState.InterlockHold) && seen.States.Contains(PumpState.Alarm)
                && seen.States.Contains(PumpState.Stopped) && seen.States.Contains(PumpState.Paused), "states reached: " + string.Join(",", seen.States));
            Assert.True(seen.PowerCutsInSession > 0, "no power cut during a session");
        }

        /// <summary>What the random runs reached, so the property cannot pass by never getting there.</summary>
        public sealed class Coverage
        {
            public long InfusingTicks { get; set; }
            public HashSet<PumpState> States { get; } = new HashSet<PumpState>();
            public int PowerCutsInSession { get; set; }
        }

        /// <summary>Returns "" when every invariant held, else what failed and when.</summary>
        public static string RunAndCheck(ProgramChoice program, Disturbance[] disturbances, int seed, Coverage seen)
        {
            var rig = new BenchRig("BD60", seed, OcclusionLevel.Medium);
            if (program.Ketamine)
            {
                rig.ProgramKetamine(program.Conc, program.WeightDeciKg.ToString("D4"), program.DoseCentiMgPerKg.ToString("D4"), program.DurationMin.ToString("D3"));
            }
            else
            {
                rig.ProgramPlainRate(program.RateDeciMlPerH.ToString("D5"), program.VolumeDeciMl.ToString("D4"));
            }
            long volumeLimitNl = rig.Controller.Program!.VolumeNl;
            long doseLimitUg = program.Ketamine ? Math.Min(100_000L, 1000L * program.WeightDeciKg / 10) : long.MaxValue;
            rig.Start();

            var schedule = disturbances.OrderBy(d => d.AtTick).ToList();
            int next = 0;
            bool resumeBlockedUntilStart = false; // after a power cut, until the clinician presses Start
            long lastSilenceUs = long.MinValue / 2;
            bool stoppingLastTick = false;
            int ticks = 12_600;
            for (int tick = 1; tick <= ticks; tick++)
            {
                bool startPressed = false;
                while (next < schedule.Count && schedule[next].AtTick <= tick)
                {
                    Disturbance d = schedule[next++];
                    switch (d.Kind)
                    {
                        case 0: rig.Vitals = (170, 95, 80, 97); rig.NewNibpReading(); break;
                        case 1: rig.Vitals = (205, 100, 80, 97); rig.NewNibpReading(); break;
                        case 2: rig.Vitals = (128, 80, 72, 97); rig.NewNibpReading(); break;
                        case 3: rig.Vitals = null; break;
                        case 4: rig.Pump.Line.Occluded = true; break;
                        case 5: rig.Pump.Line.Occluded = false; break;
                        case 6: rig.Pump.Clamp.ClampClosed = false; break;
                        case 7: rig.Pump.Clamp.ClampClosed = true; break;
                        case 8:
                            var key = (PanelKey)(1 + (d.Value % 7));
                            rig.Pump.Keypad.Press(key);
                            startPressed |= key == PanelKey.Start;
                            lastSilenceUs = key == PanelKey.Silence ? rig.NowUs + BenchRig.TickUs : lastSilenceUs;
                            break;
                        case 9:
                            string? lost = CheckPowerCut(rig, 1 + (d.Value % 30), seen);
                            if (lost != null)
                            {
                                return Describe(program, schedule, seed, tick, lost);
                            }
                            resumeBlockedUntilStart = true;
                            lastSilenceUs = long.MinValue / 2;
                            break;
                        default:
                            rig.Pump.Keypad.Press(PanelKey.Silence);
                            lastSilenceUs = rig.NowUs + BenchRig.TickUs;
                            break;
                    }
                }
                if (startPressed)
                {
                    resumeBlockedUntilStart = false;
                }

                PumpState before = rig.State;
                long positionBefore = rig.Pump.Mechanism.PositionMicrosteps;
                rig.Step();
                long forward = rig.Pump.Mechanism.PositionMicrosteps - positionBefore;
                PumpController c = rig.Controller;
                seen.States.Add(c.State);
                seen.InfusingTicks += c.State == PumpState.Infusing ? 1 : 0;

                // 1. The motor moves the plunger forward only while priming or infusing (STM-002).
                if (forward > 0 && !PumpStates.MotorPermitted(before))
                {
                    return Describe(program, schedule, seed, tick, $"{forward} microsteps forward in {before}");
                }
                // 2. Never more than the volume to be infused, 3. never above a hard dose limit (DEL-004).
                if (c.Program != null && c.DeliveredVolumeNl() > volumeLimitNl)
                {
                    return Describe(program, schedule, seed, tick, $"delivered {c.DeliveredVolumeNl()} nL > VTBI {volumeLimitNl} nL");
                }
                if (c.DeliveredDoseUg() > doseLimitUg)
                {
                    return Describe(program, schedule, seed, tick, $"delivered {c.DeliveredDoseUg()} ug > hard dose limit {doseLimitUg} ug");
                }
                // 4. A hold- or stop-level vital, a lost lease or a delivery-stopping technical alarm stops the motor
                //    within one tick (vital signs are ignored while priming, STM-011). Alarm conditions are evaluated
                //    before the clinician's keys of a tick, so a latched hold the clinician lifts in that tick still
                //    reads present until the next evaluation: the violation is a stopping alarm still present, with the
                //    motor still permitted, one tick later.
                bool vital = c.Alarms.AnyPresentWithAction(AlarmAction.VitalHold) || c.Alarms.AnyPresentWithAction(AlarmAction.VitalStop);
                bool technical = c.Alarms.AnyPresentWithAction(AlarmAction.TechnicalStop) || c.Alarms.AnyPresentWithAction(AlarmAction.Fatal);
                bool stoppingNow = c.MotorPermitted && (technical || (vital && c.State != PumpState.Priming));
                if (stoppingNow && stoppingLastTick)
                {
                    return Describe(program, schedule, seed, tick, $"motor still permitted in {c.State} one tick after a stopping alarm ({c.Alarms.Highest})");
                }
                stoppingLastTick = stoppingNow;
                // 5. After a power cut the pump never resumes by itself (STM-004).
                if (resumeBlockedUntilStart && (c.MotorPermitted || forward > 0))
                {
                    return Describe(program, schedule, seed, tick, $"resumed by itself after a power cut ({c.State})");
                }
                // 7. Audio is never silent with an alarm shown for more than 2 minutes after the last silence press (ALM-003).
                AlarmCode top = c.Alarms.Highest;
                if (top != AlarmCode.None && AlarmTable.For(top).Priority != AlarmPriority.None && rig.Pump.Annunciator.Sound == AlarmSound.Silent
                    && rig.NowUs - lastSilenceUs > AlarmManager.AudioPauseMaxUs + BenchRig.TickUs)
                {
                    return Describe(program, schedule, seed, tick, $"{top} shown and silent {(rig.NowUs - lastSilenceUs) / 1e6:F1} s after the last silence");
                }
                if (c.State == PumpState.Completed && next >= schedule.Count)
                {
                    break;
                }
            }
            return "";
        }

        /// <summary>6. The delivered dose recovered after a power cut is never below what was really delivered (PER).</summary>
        private static string? CheckPowerCut(BenchRig rig, int offSeconds, Coverage seen)
        {
            long truth = rig.Controller.Ledger.CountedMicrosteps;
            bool inSession = rig.Controller.Program != null && rig.State != PumpState.Ready && rig.State != PumpState.Priming
                && rig.State != PumpState.Programming && rig.State != PumpState.Idle;
            rig.PowerCycle(offSeconds);
            rig.Run(1);
            if (!inSession)
            {
                return null;
            }
            seen.PowerCutsInSession++;
            long recovered = rig.Controller.Ledger.CountedMicrosteps;
            return recovered < truth ? $"recovered {recovered} microsteps after a power cut, {truth} were delivered" : null;
        }

        private static string Describe(ProgramChoice program, List<Disturbance> schedule, int seed, int tick, string what) =>
            $"{what} at t+{tick * 0.05:F2}s; program {program}; seed {seed}; disturbances: {string.Join(", ", schedule)}";
    }
}
