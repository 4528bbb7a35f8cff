namespace VmSpec.Runner.Loading;

/// <summary>
/// A path as the file system spells it: full, without <c>.</c> or <c>..</c>, and each name in the case
/// it has on disk, so that one file named two ways (<c>specs/a.yaml</c> and <c>./specs/a.yaml</c>, or
/// <c>Specs/A.yaml</c> on a disk that ignores case) is one file. Symbolic links are not followed.
/// </summary>
internal static class OnDiskPath
{
    private static readonly EnumerationOptions IgnoringCase = new()
    {
        MatchCasing = MatchCasing.CaseInsensitive,
        MatchType = MatchType.Simple,
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
    };

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "";
        var result = root;
        foreach (var name in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            result = Path.Combine(result, NameOnDisk(result, name));
        return result;
    }

    /// <summary>An exact match wins, since a disk that heeds case may hold both spellings; else the one that differs only in case.</summary>
    private static string NameOnDisk(string folder, string name)
    {
        try
        {
            string? differentCase = null;
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, name, IgnoringCase))
            {
                var found = Path.GetFileName(entry);
                if (found == name)
                    return name;
                if (string.Equals(found, name, StringComparison.OrdinalIgnoreCase))
                    differentCase ??= found;
            }
            return differentCase ?? name;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return name;
        }
    }
}
