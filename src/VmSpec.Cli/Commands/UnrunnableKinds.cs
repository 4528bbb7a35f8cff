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
            var guess = loaded.FirstOrDefault(known => OneSlipApart(kind.Key, known)) is { } near ? $" (did you mean {near}?)" : "";
            yield return $"  {kind.Key}{guess}: {string.Join(", ", files.Take(FilesNamed))}{more}";
        }
    }

    private static bool OneSlipApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
            return false;
        var same = 0;
        while (same < a.Length && same < b.Length && a[same] == b[same])
            same++;
        if (a.Length != b.Length)
        {
            var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
            return longer[(same + 1)..] == shorter[same..];
        }
        var changed = a[(same + 1)..] == b[(same + 1)..];
        var swapped = same + 1 < a.Length && a[same] == b[same + 1] && a[same + 1] == b[same] && a[(same + 2)..] == b[(same + 2)..];
        return changed || swapped;
    }
}
