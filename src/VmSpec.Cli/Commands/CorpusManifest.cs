using System.Security.Cryptography;

namespace VmSpec.Cli.Commands;

/// <summary>
/// What <c>vmspec corpus</c> last wrote into a folder: each file's SHA-256 as written, kept in
/// <c>.vmspec-corpus</c> there. A file that still has its written hash is untouched, so a newer corpus
/// may replace it; one that does not is the user's edit, and is never replaced unasked.
/// </summary>
internal sealed class CorpusManifest
{
    public const string FileName = ".vmspec-corpus";

    private const string Header = "# Written by vmspec corpus: the SHA-256 of each corpus file as written, so that a later run tells your edits from files it may update.";

    private readonly SortedDictionary<string, string> _hashes;

    private CorpusManifest(SortedDictionary<string, string> hashes) => _hashes = hashes;

    /// <summary>The manifest of <paramref name="folder"/>, empty when it has none (nothing there is known to be the corpus's).</summary>
    public static CorpusManifest Read(string folder)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
            foreach (var line in File.ReadLines(path).Where(line => !line.StartsWith('#')))
                if (line.Split("  ", 2) is [var hash, var file])
                    hashes[file] = hash;
        return new CorpusManifest(hashes);
    }

    /// <summary>Whether <paramref name="bytes"/>, found at <paramref name="file"/>, are what the corpus wrote there.</summary>
    public bool WroteExactly(string file, byte[] bytes) => _hashes.TryGetValue(Key(file), out var hash) && hash == Hash(bytes);

    public void Record(string file, byte[] bytes) => _hashes[Key(file)] = Hash(bytes);

    /// <summary>
    /// The files it records that are not among <paramref name="current"/>: those a newer corpus
    /// dropped. With <paramref name="areas"/>, only those in one of them or at the top; without,
    /// every one, so the files of an area the corpus retired as a whole go too.
    /// </summary>
    public IReadOnlyList<string> DroppedFrom(IReadOnlyList<string>? areas, IEnumerable<string> current)
    {
        var kept = current.Select(Key).ToHashSet(StringComparer.Ordinal);
        return _hashes.Keys
            .Where(file => !kept.Contains(file))
            .Where(file => areas is null || AreaOf(file) is not { } area || areas.Contains(area, StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>The area a recorded file lies in; null for a file at the top (the schema).</summary>
    private static string? AreaOf(string file) => file.IndexOf('/') is > 0 and var slash ? file[..slash] : null;

    /// <summary>Stops tracking a file: it is gone, or it is the user's now.</summary>
    public void Forget(string file) => _hashes.Remove(Key(file));

    public void Save(string folder) =>
        File.WriteAllLines(Path.Combine(folder, FileName), _hashes.Select(pair => $"{pair.Value}  {pair.Key}").Prepend(Header));

    private static string Key(string file) => file.Replace('\\', '/');

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
