namespace VmSpec.Scenarios
{
    /// <summary>
    /// <c>segment</c>. The file gives <c>limit</c> or <c>size</c>; both are normalised to
    /// <see cref="Limit"/>, the highest valid offset (size - 1).
    /// </summary>
    public sealed record SegmentStep(SourceSpan Span, ulong Selector, ulong Base, ulong Limit, Perm Perm, GrowDirection Grows) : Step(Span)
    {
        public override string Action => "segment";

        /// <summary>Number of bytes in the segment (limit + 1; 0 stands for 2^64).</summary>
        public ulong Size => unchecked(Limit + 1);
    }
}
