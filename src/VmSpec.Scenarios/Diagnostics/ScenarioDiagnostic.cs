namespace VmSpec.Scenarios
{
    /// <summary>A problem found in a scenario file, located at the offending YAML node.</summary>
    public sealed record ScenarioDiagnostic(string Id, ScenarioSeverity Severity, string Message, string FilePath, SourceSpan Span)
    {
        public int Line => Span.Line;

        public int Column => Span.Column;

        public int EndLine => Span.EndLine;

        public int EndColumn => Span.EndColumn;

        /// <summary>Compiler form, which editors and CI logs turn into links: <c>path(line,col): error VMS0001: message</c>.</summary>
        public override string ToString() =>
            $"{FilePath}({Line},{Column}): {SeverityText(Severity)} {Id}: {Message}";

        private static string SeverityText(ScenarioSeverity severity) => severity switch
        {
            ScenarioSeverity.Error => "error",
            ScenarioSeverity.Warning => "warning",
            _ => "info",
        };
    }
}
