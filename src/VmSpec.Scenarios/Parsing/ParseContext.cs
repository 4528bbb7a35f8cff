using System.Collections.Generic;
using System.Linq;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>The state of one parse: where diagnostics go, and which address names are bound so far.</summary>
    internal sealed class ParseContext
    {
        private readonly List<ScenarioDiagnostic> diagnostics = new List<ScenarioDiagnostic>();

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

        public void Report(ScenarioDiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
        {
            diagnostics.Add(descriptor.Create(FilePath, span, args));
            if (descriptor.Severity == ScenarioSeverity.Error)
            {
                HasErrors = true;
            }
        }
    }
}
