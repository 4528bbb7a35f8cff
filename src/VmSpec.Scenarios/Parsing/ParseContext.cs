using System;
using System.Collections.Generic;
using System.Linq;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>The state of one parse: where diagnostics go, and which address names are bound so far.</summary>
    internal sealed class ParseContext
    {
        /// <summary>
        /// Enough to fix a file by; more would only cost. A node anchored once and repeated through
        /// thousands of aliases is read once per alias, so without this bound (and without dropping
        /// repeats) a 30 KB file could make the compiler hold millions of diagnostics.
        /// </summary>
        internal const int MaxDiagnostics = 200;

        // A message about an undefined name lists this many of the bound ones, then says how many more.
        private const int NamesListed = 20;

        private readonly List<ScenarioDiagnostic> diagnostics = new List<ScenarioDiagnostic>();
        private readonly HashSet<ScenarioDiagnostic> distinct = new HashSet<ScenarioDiagnostic>();
        private readonly List<string> names = new List<string> { NamedAddress.Clock };
        private readonly HashSet<string> bound = new HashSet<string>(StringComparer.Ordinal) { NamedAddress.Clock };

        // Where a node stands in for one that could not be read (an alias to no anchor): it was
        // reported once, and what a reader would say of the stand-in would only repeat that.
        private readonly HashSet<SourceSpan> reported = new HashSet<SourceSpan>();

        public ParseContext(string filePath) => FilePath = filePath;

        public string FilePath { get; }

        public IReadOnlyList<ScenarioDiagnostic> Diagnostics => diagnostics;

        public bool HasErrors { get; private set; }

        /// <summary>Binds a name with <c>as</c>; <c>clock</c> is always bound.</summary>
        public void Bind(string name)
        {
            if (bound.Add(name))
            {
                names.Add(name);
            }
        }

        public bool IsBound(string name) => bound.Contains(name);

        /// <summary>The names bound so far, in step order, for a message: the first few, then how many more.</summary>
        public string BoundNames() => names.Count <= NamesListed
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(NamesListed)) + $" and {names.Count - NamesListed} more";

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
            if (descriptor.Severity == ScenarioSeverity.Error)
            {
                HasErrors = true;
            }
            if (diagnostics.Count >= MaxDiagnostics)
            {
                return;
            }
            // The same error at the same place, met again through an alias: said once.
            var diagnostic = descriptor.Create(FilePath, span, args);
            if (distinct.Add(diagnostic))
            {
                diagnostics.Add(diagnostic);
            }
        }
    }
}
