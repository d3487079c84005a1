namespace Pump.LibraryTool.Source
{
    /// <summary>What a source field holds and how it is read.</summary>
    internal enum FieldType
    {
        /// <summary>A whole number without unit (drug id).</summary>
        Integer,

        /// <summary>Text (the panel name).</summary>
        Text,

        /// <summary>"weightBasedTotalOverDuration" or "plainRate".</summary>
        DoseMode,

        /// <summary>true or false.</summary>
        Flag,

        /// <summary>A number in the field's clinical unit, converted exactly to the stored integer unit.</summary>
        Clinical,

        /// <summary>An array of numbers in the field's clinical unit.</summary>
        ClinicalList,
    }
}
