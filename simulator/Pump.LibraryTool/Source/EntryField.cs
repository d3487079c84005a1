using System;
using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// One field of a source entry: its name (the unit ends it), the DrugEntry constructor parameter, what it holds, the largest stored value
    /// the pump's type can carry, what it means, and how it maps to <see cref="DrugEntry"/>. Values are
    /// long (Integer, Clinical), string, bool, <see cref="DoseMode"/> or long[] (ClinicalList).
    /// </summary>
    internal sealed class EntryField
    {
        public EntryField(string name, string parameter, FieldType type, ClinicalUnit? unit, long maxStored, string description,
            Func<DrugEntry, object> get, Action<EntryDraft, object> set)
        {
            Name = name;
            Parameter = parameter;
            Type = type;
            Unit = unit;
            MaxStored = maxStored;
            Description = description;
            Get = get;
            Set = set;
        }

        public string Name { get; }

        /// <summary>The <see cref="DrugEntry"/> constructor parameter it feeds (for the generated C#).</summary>
        public string Parameter { get; }
        public FieldType Type { get; }
        public ClinicalUnit? Unit { get; }
        public long MaxStored { get; }
        public string Description { get; }
        public Func<DrugEntry, object> Get { get; }
        public Action<EntryDraft, object> Set { get; }
    }
}
