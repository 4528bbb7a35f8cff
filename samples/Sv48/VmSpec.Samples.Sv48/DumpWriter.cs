using System.Text;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// The lines of docs/dump-format.md: one per non-zero entry, indented two spaces per level below
/// the root, with its index, raw value and flags (<see cref="PteFlagsText"/>, the core's public
/// formatter), then what it points to or maps, then a note when a walk would refuse it.
/// </summary>
internal sealed class DumpWriter
{
    private readonly StringBuilder _text = new();

    public void Header(string line) => _text.Append(line).Append('\n');

    public void Pointer(int depth, int level, ulong index, Pte pte, ulong nextTable, string? note) =>
        Entry(depth, level, index, pte, $"-> table 0x{nextTable:x16}", note);

    public void Leaf(int depth, int level, ulong index, Pte pte, ulong va, ulong pa, ulong pageSize, string? note) =>
        Entry(depth, level, index, pte, $"{Range(va, pageSize)} -> {Range(pa, pageSize)} {SizeText(pageSize)}", note);

    /// <summary>An entry that neither points nor maps: V=0 but not zero, as raw PTE writes leave them.</summary>
    public void Other(int depth, int level, ulong index, Pte pte, string? note) => Entry(depth, level, index, pte, null, note);

    public override string ToString() => _text.ToString();

    /// <summary>A page size in the largest binary unit that divides it: 4KiB, 2MiB, 1GiB, 512GiB.</summary>
    public static string SizeText(ulong bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (unit < units.Length - 1 && bytes >= 1024 && bytes % 1024 == 0)
        {
            bytes /= 1024;
            unit++;
        }
        return $"{bytes}{units[unit]}";
    }

    private void Entry(int depth, int level, ulong index, Pte pte, string? detail, string? note)
    {
        _text.Append(' ', 2 * depth).Append($"L{level}[{index:x3}] 0x{pte.Raw:x16} {PteFlagsText.Format(pte.Flags)}");
        if (detail is not null)
            _text.Append(' ').Append(detail);
        if (note is not null)
            _text.Append(" (").Append(note).Append(')');
        _text.Append('\n');
    }

    private static string Range(ulong start, ulong size) => $"0x{start:x16}..0x{start + (size - 1):x16}";
}
