using System;
using System.Collections.Generic;
using System.Reflection;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Service;
using Pump.ServiceTool.Protocol;

namespace Pump.ServiceTool.Model
{
    /// <summary>One event-log entry as read over the link, with its code's name.</summary>
    public sealed record LogEntry(long Sequence, long BootCount, long? UtcSeconds, long MonotonicMs, int Code, string Name,
        int Priority, int Category, int Arg0, int Arg1)
    {
        private static readonly Dictionary<int, string> Names = BuildNames();

        public static LogEntry Read(PayloadReader r)
        {
            long seq = r.I64();
            long boot = r.I64();
            long utc = r.I64();
            long mono = r.I64();
            int code = r.U16();
            int priority = r.U8();
            int category = r.U8();
            int a0 = r.I32();
            int a1 = r.I32();
            return new LogEntry(seq, boot, utc >= 0 ? utc : null, mono, code, NameOf(code), priority, category, a0, a1);
        }

        public static string NameOf(int code) => Names.TryGetValue(code, out string? n) ? n : "code-" + code;

        /// <summary>Names from the core's own code tables (PumpEvent, PersistenceEventCodes, ServiceEventCodes).</summary>
        private static Dictionary<int, string> BuildNames()
        {
            var d = new Dictionary<int, string>();
            foreach (Type t in new[] { typeof(PumpEvent), typeof(PersistenceEventCodes), typeof(ServiceEventCodes) })
            {
                foreach (FieldInfo f in t.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    if (f.IsLiteral && f.FieldType == typeof(int))
                    {
                        d[(int)f.GetRawConstantValue()!] = f.Name;
                    }
                }
            }
            return d;
        }
    }
}
