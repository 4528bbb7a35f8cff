namespace VmSpec.Scenarios
{
    /// <summary>
    /// A place in a scenario file. Lines and columns are 1-based; the end is exclusive (the position
    /// just after the node). Offsets are 0-based character indexes, which Roslyn needs for a Location.
    /// </summary>
    public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn, int Offset, int EndOffset)
    {
        public static readonly SourceSpan Start = new SourceSpan(1, 1, 1, 1, 0, 0);

        public int Length => EndOffset - Offset;

        /// <summary>From the start of this span to the end of <paramref name="other"/>.</summary>
        public SourceSpan Through(SourceSpan other) => new SourceSpan(Line, Column, other.EndLine, other.EndColumn, Offset, other.EndOffset);

        public override string ToString() => $"({Line},{Column})-({EndLine},{EndColumn})";
    }
}
