using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Pump.Core.Control;
using Pump.Core.Interlock;

namespace Pump.Evidence.Conformance
{
    /// <summary>One raw situation and how it differs from the base it was made from (for reports).</summary>
    public readonly record struct RawSample(GuardSituation Situation, string Changes);

    /// <summary>
    /// Raw guard situations for the conformance run: an all-good and an all-bad base, each with every single change
    /// and every pair of changes (every boolean fact flipped, every other value of each enumerated fact), so a fact
    /// computed wrongly on its own, or only together with one other, changes some outcome.
    /// </summary>
    public static class RawSituations
    {
        private static readonly FieldInfo[] Fields = typeof(GuardSituation).GetFields(BindingFlags.Public | BindingFlags.Instance);

        /// <summary>Everything a start, resume, prime or titration needs is there.</summary>
        public static GuardSituation AllGood() => new GuardSituation
        {
            CounterReadable = true,
            ForceReadable = true,
            PositionReadable = true,
            ClampReadable = true,
            ClampClosed = true,
            PlungerEngaged = true,
            DisplayHealthy = true,
            LinePrimed = true,
            LineFreeOfPatient = true,
            DrugSufficient = true,
            TitrationPending = true,
            InterlockRequired = true,
            SpacingAllows = true,
            MonitorCommissioned = true,
            InterlockStart = StartCheck.Ok,
            MayInfuse = true,
            Level = InterlockLevel.None,
            HoldsClearable = true,
            ResumePermitted = true,
        };

        /// <summary>Every boolean the opposite of <see cref="AllGood"/>; enumerated facts at their worst.</summary>
        public static GuardSituation AllBad()
        {
            object boxed = AllGood();
            foreach (FieldInfo field in Fields.Where(f => f.FieldType == typeof(bool)))
            {
                field.SetValue(boxed, !(bool)field.GetValue(boxed)!);
            }
            var bad = (GuardSituation)boxed;
            bad.InterlockStart = StartCheck.NoMonitorData;
            bad.Level = InterlockLevel.Stop;
            bad.LinkRefusal = Pump.Core.Link.FrameResult.Replay;
            return bad;
        }

        /// <summary>The single changes of a base: each boolean flipped, each enumerated fact set to each other value.</summary>
        public static IReadOnlyList<(string Name, Func<GuardSituation, GuardSituation> Apply)> ChangesOf(GuardSituation origin)
        {
            var changes = new List<(string, Func<GuardSituation, GuardSituation>)>();
            foreach (FieldInfo field in Fields)
            {
                object current = field.GetValue(origin)!;
                IEnumerable<object> others = field.FieldType == typeof(bool)
                    ? new object[] { !(bool)current }
                    : Enum.GetValues(field.FieldType).Cast<object>().Where(v => !v.Equals(current));
                foreach (object value in others)
                {
                    FieldInfo f = field;
                    object v = value;
                    changes.Add(($"{f.Name}={v}", s =>
                    {
                        object boxed = s;
                        f.SetValue(boxed, v);
                        return (GuardSituation)boxed;
                    }));
                }
            }
            return changes;
        }

        /// <summary>Each base, its single changes and its pairs of changes to different facts.</summary>
        public static IReadOnlyList<RawSample> Samples()
        {
            var samples = new List<RawSample>();
            foreach ((GuardSituation origin, string name) in new[] { (AllGood(), "all good"), (AllBad(), "all bad") })
            {
                var changes = ChangesOf(origin);
                samples.Add(new RawSample(origin, name));
                for (int i = 0; i < changes.Count; i++)
                {
                    GuardSituation one = changes[i].Apply(origin);
                    samples.Add(new RawSample(one, $"{name} but {changes[i].Name}"));
                    for (int j = i + 1; j < changes.Count; j++)
                    {
                        if (FactOf(changes[i].Name) == FactOf(changes[j].Name))
                        {
                            continue;
                        }
                        samples.Add(new RawSample(changes[j].Apply(one), $"{name} but {changes[i].Name}, {changes[j].Name}"));
                    }
                }
            }
            return samples;
        }

        /// <summary>A random situation: a base with up to four random changes.</summary>
        public static RawSample Random(Random random)
        {
            bool good = random.Next(4) != 0;
            GuardSituation s = good ? AllGood() : AllBad();
            var changes = ChangesOf(s);
            var names = new List<string>();
            int count = random.Next(5);
            for (int i = 0; i < count; i++)
            {
                var change = changes[random.Next(changes.Count)];
                s = change.Apply(s);
                names.Add(change.Name);
            }
            return new RawSample(s, (good ? "all good" : "all bad") + (names.Count == 0 ? "" : " but " + string.Join(", ", names)));
        }

        private static string FactOf(string change) => change.Substring(0, change.IndexOf('='));
    }
}
