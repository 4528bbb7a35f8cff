namespace VmSpec.Scenarios
{
    /// <summary><c>snapshot: LABEL</c>: compare a dump of the tables with a stored snapshot.</summary>
    public sealed record SnapshotStep(SourceSpan Span, string Label) : Step(Span)
    {
        public override string Action => "snapshot";
    }

    /// <summary><c>stats: {}</c>.</summary>
    public sealed record StatsStep(SourceSpan Span, StatsExpect? Expect) : Step(Span)
    {
        public override string Action => "stats";
    }

    /// <summary><c>frames: {}</c>.</summary>
    public sealed record FramesStep(SourceSpan Span, FramesExpect? Expect) : Step(Span)
    {
        public override string Action => "frames";
    }

    /// <summary><c>tick: N</c>: advance the clock page's tick count.</summary>
    public sealed record TickStep(SourceSpan Span, ulong Ticks) : Step(Span)
    {
        public override string Action => "tick";
    }
}
