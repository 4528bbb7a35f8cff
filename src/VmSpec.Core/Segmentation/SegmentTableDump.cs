using System.Text;

namespace VmSpec.Core.Segmentation;

/// <summary>
/// The segment table as read from RAM, one line per valid descriptor in selector order:
/// <c>0x3  base 0x7000  limit 0x7ff  size 0x800  rw-  down  pa [0x6800, 0x7000)</c>.
/// Where the table itself lies is left out, so every implementation of the kind dumps alike.
/// </summary>
internal static class SegmentTableDump
{
    public const string Empty = "(no segments)\n";

    public static string Format(SegmentTable table)
    {
        var text = new StringBuilder();
        for (var selector = 0UL; selector < table.Capacity; selector++)
            if (table.TryRead(selector, out var descriptor) && descriptor.IsValid)
                text.Append(Line(selector, descriptor)).Append('\n');
        return text.Length == 0 ? Empty : text.ToString();
    }

    private static string Line(ulong selector, in SegmentDescriptor d) =>
        $"0x{selector:x}  base 0x{d.Base:x}  limit 0x{d.Limit:x}  size 0x{d.Size:x}  {Letters(d.Permissions)}  "
        + $"{(d.GrowsDown ? "down" : "up")}  pa [0x{d.Start:x}, 0x{d.Start + d.Size:x})";

    private static string Letters(SegmentPermissions permissions) => string.Create(3, permissions, (letters, p) =>
    {
        letters[0] = p.HasFlag(SegmentPermissions.Read) ? 'r' : '-';
        letters[1] = p.HasFlag(SegmentPermissions.Write) ? 'w' : '-';
        letters[2] = p.HasFlag(SegmentPermissions.Execute) ? 'x' : '-';
    });
}
