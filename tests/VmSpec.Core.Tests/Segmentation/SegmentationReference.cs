using System.Numerics;
using VmSpec.Core.Mmu;
using VmSpec.Core.Segmentation;

namespace VmSpec.Core.Tests.Segmentation;

/// <summary>
/// The rules of the scenario format written out again in arbitrary-precision arithmetic, with
/// segments in a dictionary: what the unit must agree with, whatever it does inside.
/// </summary>
internal sealed class SegmentationReference(SegmentationOptions options)
{
    private static readonly BigInteger PhysicalSize = BigInteger.One << 56;
    private readonly Dictionary<ulong, Segment> _segments = [];

    private BigInteger OffsetSpace => BigInteger.One << options.EffectiveOffsetBits;

    private bool TopBits => options.Mode == SegmentAddressing.TopBits;

    public bool Define(Segment s)
    {
        BigInteger size = (BigInteger)s.Limit + 1, @base = s.Base;
        var fits = (!TopBits || s.Selector < BigInteger.One << options.SelectorBits)
            && (int)s.Permissions < 8
            && size <= OffsetSpace
            && (s.GrowsDown ? @base >= size && @base <= PhysicalSize : @base + size <= PhysicalSize);
        if (fits)
            _segments[s.Selector] = s;
        return fits;
    }

    /// <summary>The physical address of the access's first byte, or the reason the access of <paramref name="size"/> bytes faults.</summary>
    public (FaultReason Reason, ulong Pa) Translate(Access access, int size = 1)
    {
        if (!TrySplit(access, out var reason, out var selector, out var offset))
            return (reason, 0);
        if (!_segments.TryGetValue(selector, out var s))
            return (FaultReason.Selector, 0);

        BigInteger segmentSize = (BigInteger)s.Limit + 1;
        BigInteger last = (BigInteger)offset + size - 1;
        var inside = s.GrowsDown ? offset >= OffsetSpace - segmentSize && last < OffsetSpace : last <= s.Limit;
        if (!inside)
            return (FaultReason.Limit, 0);
        var pa = s.GrowsDown ? (BigInteger)s.Base - (OffsetSpace - offset) : (BigInteger)s.Base + offset;
        var permitted = access.Type switch
        {
            AccessType.Read => s.Permissions.HasFlag(SegmentPermissions.Read),
            AccessType.Write => s.Permissions.HasFlag(SegmentPermissions.Write),
            _ => s.Permissions.HasFlag(SegmentPermissions.Execute),
        };
        return permitted ? (FaultReason.None, (ulong)pa) : (FaultReason.Permission, 0);
    }

    private bool TrySplit(Access access, out FaultReason reason, out ulong selector, out ulong offset)
    {
        (reason, selector, offset) = (FaultReason.None, 0, 0);
        if (TopBits != access.Selector is null)
            reason = FaultReason.Selector;
        else if (!TopBits && access.Address >= OffsetSpace)
            reason = FaultReason.OutOfRange;
        else if (TopBits && access.Address >= BigInteger.One << options.AddressBits)
            reason = FaultReason.OutOfRange;
        else if (TopBits)
            (selector, offset) = ((ulong)(access.Address / OffsetSpace), (ulong)(access.Address % OffsetSpace));
        else
            (selector, offset) = (access.Selector!.Value, access.Address);
        return reason == FaultReason.None;
    }
}
