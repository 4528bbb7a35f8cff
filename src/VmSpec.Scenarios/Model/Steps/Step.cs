namespace VmSpec.Scenarios
{
    /// <summary>
    /// One step of a scenario. <see cref="Span"/> starts at the step's action key and ends at the end
    /// of the step (its expect included), so generated code can point a #line at the action.
    /// </summary>
    public abstract record Step(SourceSpan Span)
    {
        /// <summary>The action key as written in YAML (<c>map</c>, <c>read</c>, <c>sbrk</c>, ...).</summary>
        public abstract string Action { get; }
    }
}
