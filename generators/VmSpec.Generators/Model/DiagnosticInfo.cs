using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Model
{
    /// <summary>
    /// Where a diagnostic points, as plain values: a <see cref="Location"/> holds a syntax tree or a file
    /// and would break the pipeline's caching, so it is only built when the diagnostic is reported.
    /// </summary>
    internal sealed record LocationInfo(string Path, TextSpan Span, LinePositionSpan Lines)
    {
        /// <summary>
        /// In the compilation's syntax tree of that path when there is one (a C# file), so that the
        /// compiler applies the file's <c>#pragma warning</c> to it; else in the file by path (a YAML file).
        /// </summary>
        public Location ToLocation(Compilation? compilation = null) =>
            compilation?.SyntaxTrees.FirstOrDefault(tree => tree.FilePath == Path) is { } tree && Span.End <= tree.Length
                ? Location.Create(tree, Span)
                : Location.Create(Path, Span, Lines);

        public static LocationInfo? From(Location? location) =>
            location is null || location.SourceTree is null
                ? null
                : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

        /// <summary>The parser's 1-based lines and columns become the compiler's 0-based positions.</summary>
        public static LocationInfo From(string path, SourceSpan span) => new LocationInfo(
            path,
            new TextSpan(span.Offset, span.Length < 0 ? 0 : span.Length),
            new LinePositionSpan(
                new LinePosition(Zero(span.Line), Zero(span.Column)),
                new LinePosition(Zero(span.EndLine), Zero(span.EndColumn))));

        private static int Zero(int oneBased) => oneBased > 0 ? oneBased - 1 : 0;
    }

    /// <summary>A diagnostic waiting to be reported: descriptor fields and message, all equatable.</summary>
    internal sealed record DiagnosticInfo(string Id, string Title, string Message, DiagnosticSeverity Severity, LocationInfo? Location)
    {
        public Diagnostic ToDiagnostic(Compilation? compilation = null) => Diagnostic.Create(
            new DiagnosticDescriptor(Id, Title, "{0}", "VmSpec", Severity, isEnabledByDefault: true),
            Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None,
            Message);

        public static DiagnosticInfo From(ScenarioDiagnostic diagnostic, string title) => new DiagnosticInfo(
            diagnostic.Id,
            title,
            diagnostic.Message,
            diagnostic.Severity switch
            {
                ScenarioSeverity.Error => DiagnosticSeverity.Error,
                ScenarioSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            },
            LocationInfo.From(diagnostic.FilePath, diagnostic.Span));
    }
}
