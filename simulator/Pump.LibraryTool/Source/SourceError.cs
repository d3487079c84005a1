namespace Pump.LibraryTool.Source
{
    /// <summary>One problem in a source file: where (entry and field path) and what, with the offending value.</summary>
    internal sealed record SourceError(string Where, string Problem)
    {
        public override string ToString()
        {
            return Where.Length == 0 ? Problem : Where + ": " + Problem;
        }
    }
}
