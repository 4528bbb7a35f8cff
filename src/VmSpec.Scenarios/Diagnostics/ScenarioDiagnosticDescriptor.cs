using System.Globalization;

namespace VmSpec.Scenarios
{
    /// <summary>
    /// One kind of diagnostic: a stable id, a title, and a composite-format message. The generator
    /// turns each into a Roslyn DiagnosticDescriptor with the same id and format.
    /// </summary>
    public sealed record ScenarioDiagnosticDescriptor(string Id, string Title, string MessageFormat, ScenarioSeverity Severity)
    {
        public string Format(params object?[] args) => string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

        public ScenarioDiagnostic Create(string filePath, SourceSpan span, params object?[] args) =>
            new ScenarioDiagnostic(Id, Severity, Format(args), filePath, span);
    }
}
