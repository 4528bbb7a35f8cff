using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using VmSpec.Generators.Model;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Pipeline
{
    /// <summary>
    /// The scenario files that cannot each have a test of their own, found from the paths alone: one id
    /// twice in an area (VMS0102, which the runner reports too), one file given twice (VMS1004), or two
    /// ids that become one C# name, as <c>x-y</c> and <c>x_y</c> do (VMS1003). In each pair the later
    /// path in ordinal order yields: it gets the error and no test; every other file still gets its own.
    /// An edit that renames nothing leaves this equal, so the per-file caching downstream holds.
    /// </summary>
    internal sealed record Clashes(EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> Withheld)
    {
        public static Clashes Find(ImmutableArray<string> paths, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var withheld = new SortedSet<string>(StringComparer.Ordinal);
            var files = new List<string>();
            foreach (var given in paths.GroupBy(path => path, StringComparer.Ordinal).OrderBy(given => given.Key, StringComparer.Ordinal))
            {
                var path = given.Key;
                // A misnamed file has its own error and no test, so it claims no name.
                if (ScenarioIdentity.CheckName(path) is null)
                    files.Add(path);
                if (given.Skip(1).Any())
                {
                    withheld.Add(path);
                    diagnostics.Add(GeneratorDiagnostics.GivenTwice(path));
                }
            }

            foreach (var repeat in ScenarioIdentity.FindRepeats(files))
            {
                withheld.Add(files[repeat.Index]);
                diagnostics.Add(ScenarioFiles.Info(repeat.Diagnostic(files)));
            }

            // The compiler refuses two sources whose hint names differ only in case.
            var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in files.Where(path => !withheld.Contains(path)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var names = ScenarioFiles.NamesOf(path);
                if (claimed.TryGetValue(names.HintName, out var first))
                {
                    withheld.Add(path);
                    diagnostics.Add(GeneratorDiagnostics.NameClash(path, first, names));
                }
                else
                {
                    claimed.Add(names.HintName, path);
                }
            }
            return new Clashes(EquatableArray.From(diagnostics), EquatableArray.From(withheld));
        }
    }
}
