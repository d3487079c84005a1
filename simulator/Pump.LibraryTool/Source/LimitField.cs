using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>One limit block of a source entry: the stored <see cref="LimitKind"/>, its field name and clinical unit.</summary>
    internal sealed class LimitField
    {
        public LimitField(LimitKind kind, string name, ClinicalUnit unit, string description)
        {
            Kind = kind;
            Name = name;
            Unit = unit;
            Description = description;
        }

        public LimitKind Kind { get; }
        public string Name { get; }
        public ClinicalUnit Unit { get; }
        public string Description { get; }
    }
}
