namespace VmSpec.Core.Segmentation;

/// <summary>
/// What <see cref="ISegmentedMmu.DefineSegment"/> accepts: a selector the addressing mode can
/// name, known permission bits, a limit inside the offset space, and a physical range inside 56
/// bits (so no translation through a defined segment can overflow).
/// </summary>
internal static class SegmentRules
{
    private const SegmentPermissions AllPermissions =
        SegmentPermissions.Read | SegmentPermissions.Write | SegmentPermissions.Execute;

    /// <summary>Null when the segment can be defined, else why not.</summary>
    public static string? Check(in Segment segment, OffsetSpace space, UInt128 selectors)
    {
        if (segment.Selector >= selectors)
            return $"selector 0x{segment.Selector:x} does not fit the {selectors} selectors of the addressing mode";
        if ((segment.Permissions & ~AllPermissions) != 0)
            return $"unknown permission bits 0x{(int)segment.Permissions:x}";
        if (!space.Contains(segment.Limit))
            return $"limit 0x{segment.Limit:x} is beyond the {space.Bits}-bit offset space";

        var size = (UInt128)segment.Limit + 1;
        if (segment.GrowsDown)
        {
            if (segment.Base < size)
                return $"a down segment of 0x{size:x} bytes needs a base of at least its size, not 0x{segment.Base:x}";
            if (segment.Base > OffsetSpace.PhysicalSize)
                return $"base 0x{segment.Base:x} is beyond the 56-bit physical space";
        }
        else if (segment.Base + size > OffsetSpace.PhysicalSize)
        {
            return $"[0x{segment.Base:x}, 0x{segment.Base + size:x}) reaches beyond the 56-bit physical space";
        }
        return null;
    }
}
