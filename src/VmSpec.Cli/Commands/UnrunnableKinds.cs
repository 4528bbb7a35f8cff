using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Commands;

/// <summary>
/// Where the scenarios no loaded MMU runs come from: for each kind they list, a few of their files
/// and, when a loaded kind is one slip away (a letter changed, added or dropped, or two swapped),
/// that kind. A misspelt kind is no format error (docs/diagnostics.md), so this is where its author
/// finds it.
/// </summary>
internal static class UnrunnableKinds
{
    private const int FilesNamed = 3;

    /// <summary>One indented line per kind: <c>  sv93 (did you mean sv39?): specs/sv39/typo.yaml</c>.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<Scenario> unrunnable, IReadOnlyList<MmuTarget> targets)
    {
        var loaded = targets.Select(target => target.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
        var byKind = unrunnable
            .SelectMany(scenario => scenario.Mmu.Select(kind => (Kind: kind, File: scenario.FilePath)))
            .GroupBy(use => use.Kind, use => use.File)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var kind in byKind)
        {
            var files = kind.Distinct().ToList();
            var more = files.Count > FilesNamed ? $" and {files.Count - FilesNamed} more" : "";
            var guess = loaded.FirstOrDefault(known => Spelling.OneSlipApart(kind.Key, known)) is { } near ? $" (did you mean {near}?)" : "";
            yield return $"  {kind.Key}{guess}: {string.Join(", ", files.Take(FilesNamed))}{more}";
        }
    }
}
