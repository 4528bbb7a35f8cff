using System;
using System.Collections.Generic;
using System.Linq;
using VmSpec.Scenarios.Parsing;

namespace VmSpec.Scenarios
{
    /// <summary>
    /// What names a scenario: its area and id, both read from where its file is (the format's "Files").
    /// The parser sees one file's text, so the rules about a file's name and about names across files
    /// live here, where the source generator and the runner both apply them and so say the same thing.
    /// </summary>
    public static class ScenarioIdentity
    {
        /// <summary>The format's ending for a scenario file, exactly: <c>.yml</c> or <c>.YAML</c> is not one.</summary>
        public const string Extension = ".yaml";

        public static readonly ScenarioDiagnosticDescriptor NotAScenarioFile = Error(
            "VMS0100", "Not a scenario file", "'{0}' is not a scenario file: scenario files end in .yaml");

        public static readonly ScenarioDiagnosticDescriptor NoId = Error(
            "VMS0101", "Scenario file without a name", "'{0}' has no id: a scenario's id is its file name without .yaml, and that is empty");

        public static readonly ScenarioDiagnosticDescriptor DuplicateId = Error(
            "VMS0102", "Duplicate scenario id", "'{0}' is scenario '{1}' in area '{2}', and so is '{3}'; rename one of them (a sub-folder of an area is not an area of its own)");

        public static readonly ScenarioDiagnosticDescriptor NotRead = new(
            "VMS0103", "YAML file that is not read", "'{0}' is not read: scenario files end in .yaml, exactly", ScenarioSeverity.Warning);

        public static bool HasExtension(string path) => path.EndsWith(Extension, StringComparison.Ordinal);

        /// <summary>
        /// A YAML file a folder scan passes over (<c>x.yml</c>, <c>x.YAML</c>): most likely a scenario
        /// whose author did not know the ending is exact, so both front ends say they skipped it.
        /// </summary>
        public static bool IsSkippedYaml(string path) =>
            !HasExtension(path)
            && (path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));

        /// <summary>The file name without <c>.yaml</c>.</summary>
        public static string Id(string path)
        {
            var segments = Segments(path);
            string name = segments.Length == 0 ? "" : segments[segments.Length - 1];
            return HasExtension(name) ? name.Substring(0, name.Length - Extension.Length) : name;
        }

        /// <summary>
        /// The folder directly under the last <c>specs</c> folder, however deep the file is below it
        /// (<c>specs/sv39/x.yaml</c> is in <c>sv39</c>); outside any <c>specs</c> folder, the file's own
        /// folder; empty for a file directly in <c>specs/</c> or with no folder at all.
        /// </summary>
        public static string Area(string path)
        {
            var segments = Segments(path);
            int directories = segments.Length - 1;
            for (int i = directories - 1; i >= 0; i--)
            {
                if (segments[i] == "specs")
                {
                    return i + 1 < directories ? segments[i + 1] : "";
                }
            }
            return directories >= 1 ? segments[directories - 1] : "";
        }

        private static string[] Segments(string path) =>
            path.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>What is wrong with the file's name alone, if anything; such a file is not parsed.</summary>
        public static ScenarioDiagnostic? CheckName(string path)
        {
            if (!HasExtension(path))
                return NotAScenarioFile.Create(path, SourceSpan.Start, path);
            if (Id(path).Length == 0)
                return NoId.Create(path, SourceSpan.Start, path);
            return null;
        }

        /// <summary>
        /// Each file whose area and id an earlier file already has, with that earlier file. Earlier is
        /// ordinal order of <paramref name="paths"/>, so a pair gets the same verdict whatever order the
        /// files were found in. Pass each file once, by a path whose folders are all there (a full path).
        /// A misnamed file (<see cref="CheckName"/>) has its own error and no scenario, so it repeats nothing.
        /// </summary>
        public static IReadOnlyList<Repeat> FindRepeats(IReadOnlyList<string> paths)
        {
            var first = new Dictionary<(string Area, string Id), int>();
            var repeats = new List<Repeat>();
            foreach (var index in Enumerable.Range(0, paths.Count).OrderBy(i => paths[i], StringComparer.Ordinal))
            {
                if (CheckName(paths[index]) is not null)
                    continue;
                var key = (Area(paths[index]), Id(paths[index]));
                if (first.TryGetValue(key, out var earlier))
                    repeats.Add(new Repeat(index, earlier, key.Item1, key.Item2));
                else
                    first.Add(key, index);
            }
            return repeats;
        }

        private static ScenarioDiagnosticDescriptor Error(string id, string title, string format) =>
            new ScenarioDiagnosticDescriptor(id, title, format, ScenarioSeverity.Error);

        /// <summary>The file at <see cref="Index"/> is scenario <see cref="Id"/> of <see cref="Area"/>, as the one at <see cref="FirstIndex"/> is.</summary>
        public sealed record Repeat(int Index, int FirstIndex, string Area, string Id)
        {
            /// <summary>Located at the repeat's start, naming both files as <paramref name="shown"/> spells them.</summary>
            public ScenarioDiagnostic Diagnostic(IReadOnlyList<string> shown) =>
                DuplicateId.Create(shown[Index], SourceSpan.Start, shown[Index], Id, Area, shown[FirstIndex]);
        }
    }
}
