using System.Collections.Generic;
using System.Linq;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>The state of one parse: where diagnostics go, and which address names are bound so far.</summary>
    internal sealed class ParseContext
    {
        private readonly List<ScenarioDiagnostic> diagnostics = new List<ScenarioDiagnostic>();

        // Where a node stands in for one that could not be read (an alias to no anchor): it was
        // reported once, and what a reader would say of the stand-in would only repeat that.
        private readonly HashSet<SourceSpan> reported = new HashSet<SourceSpan>();

        public ParseContext(string filePath) => FilePath = filePath;

        public string FilePath { get; }

        public IReadOnlyList<ScenarioDiagnostic> Diagnostics => diagnostics;

        public bool HasErrors { get; private set; }

        /// <summary>Names bound by <c>as</c> (in step order); <c>clock</c> is always bound.</summary>
        public List<string> Names { get; } = new List<string> { NamedAddress.Clock };

        /// <summary>
        /// The diagnostics in file order. Checks run section by section (the top level before the
        /// steps, a mapping's keys in the order they are needed), not in the order of the file, so
        /// the order of reporting says nothing to the author. The sort is stable: diagnostics at one
        /// place keep the order they were reported in.
        /// </summary>
        public ScenarioDiagnostic[] InFileOrder() =>
            diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray();

        /// <summary>Reports an error at a node that stands in for what could not be read; nothing more is reported at its span.</summary>
        public void ReportInPlaceOf(ScenarioDiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
        {
            Report(descriptor, span, args);
            reported.Add(span);
        }

        public void Report(ScenarioDiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
        {
            if (reported.Contains(span))
            {
                return;
            }
            diagnostics.Add(descriptor.Create(FilePath, span, args));
            if (descriptor.Severity == ScenarioSeverity.Error)
            {
                HasErrors = true;
            }
        }
    }
}
