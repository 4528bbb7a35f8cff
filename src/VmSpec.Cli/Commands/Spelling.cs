namespace VmSpec.Cli.Commands;

/// <summary>Whether a word the tool does not know is likely a slip for one it does, so a message can name that one.</summary>
internal static class Spelling
{
    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> by one letter changed, added or dropped, or two neighbours swapped.</summary>
    public static bool OneSlipApart(string a, string b)
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
