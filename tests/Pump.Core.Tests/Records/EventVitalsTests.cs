using System.Collections.Generic;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Records
{
    public class EventVitalsTests
    {
        private static List<EventLogEntry> Log(PumpRig rig)
        {
            var entries = new List<EventLogEntry>();
            EventLog log = rig.Controller.Persistence.Log;
            for (long s = log.OldestRetainedSequence; s <= log.NewestSequence; s++)
            {
                var e = new EventLogEntry();
                if (log.TryReadEntry(s, e))
                {
                    entries.Add(e);
                }
            }
            return entries;
        }

        // Proves: SVC-008
        [Fact]
        public void SessionEvents_WithFreshVitals_AreEachFollowedByTheVitalsOfTheirMoment()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            rig.Vitals = PumpRig.Typical(hr: 88, spo2: 95);
            rig.Run(3);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            List<EventLogEntry> log = Log(rig);
            int started = log.FindIndex(e => e.Code == PumpEvent.SessionStarted);
            Assert.True(started >= 0);
            Assert.Equal(PumpEvent.VitalsAtEvent, log[started + 1].Code);
            Assert.Equal((128 << 16) | 80, log[started + 1].Arg0);
            Assert.Equal((72 << 16) | (97 << 8) | 14, log[started + 1].Arg1);
            int paused = log.FindLastIndex(e => e.Code == PumpEvent.Transition && e.Arg1 == (int)PumpState.Paused);
            Assert.True(paused > started);
            Assert.Equal(PumpEvent.VitalsAtEvent, log[paused + 1].Code);
            Assert.Equal((88 << 16) | (95 << 8) | 14, log[paused + 1].Arg1);
        }

        // Proves: SVC-008
        [Fact]
        public void EventsOutsideASession_CarryNoVitals()
        {
            var rig = new PumpRig();
            rig.Run(2);
            Assert.DoesNotContain(Log(rig), e => e.Code == PumpEvent.VitalsAtEvent);
        }
    }
}
