using VmSpec.Core.Mmu;

namespace VmSpec.Core.Segmentation;

/// <summary>
/// The segmentation MMU of the notes (§2.1): selector known? → offset within the limit? →
/// base + offset → permission check. The segment table lives in the machine's RAM
/// (<see cref="SegmentTable"/>). There is no TLB: each translation that reads a descriptor counts
/// one walk and one PTE read; hits and misses stay 0. The privilege mode plays no part.
/// </summary>
public sealed class SegmentationUnit : ISegmentedMmu
{
    private static readonly IReadOnlySet<string> NoFeatures = new HashSet<string>();

    private readonly SegmentedAddress _addressing;
    private readonly SegmentTable _table;

    /// <exception cref="ArgumentOutOfRangeException">The machine's segmentation widths are not ones the scenario format allows.</exception>
    public SegmentationUnit(Machine machine)
    {
        SegmentedAddress.Validate(machine.Options.Segmentation);
        Machine = machine;
        _addressing = new SegmentedAddress(machine.Options.Segmentation);
        _table = new SegmentTable(machine);
    }

    public string Kind => MmuKinds.Segmentation;

    public IReadOnlySet<string> Features => NoFeatures;

    public Machine Machine { get; }

    public MmuCounters Counters { get; } = new();

    /// <summary>Where the segment table lies in RAM (descriptor 0), and how many selectors it holds; 0 before the first definition.</summary>
    public ulong TableAddress => _table.Address;

    public ulong TableCapacity => _table.Capacity;

    public Translation Translate(in Access access) => Translate(access, accessSize: 1);

    /// <summary>
    /// Loads check the whole access against the limit, not only its first byte: the notes' "offset
    /// within the limit" holds for every byte read, as on x86, where a quadword at an offset above
    /// limit − 7 faults. A segment is contiguous in RAM, so an access it holds is one read.
    /// </summary>
    public MemoryResult Load(in Access access, int size = 8)
    {
        AccessSize.Check(size);
        var translation = Translate(access, accessSize: size);
        return translation.IsFault ? new(translation, 0) : MemoryPath.ReadRam(Machine.Memory, translation, access.Type, size);
    }

    /// <summary>Stores check the whole access against the limit, as <see cref="Load"/> does; one that runs past it writes nothing.</summary>
    public MemoryResult Store(in Access access, ulong value, int size = 8)
    {
        AccessSize.Check(size);
        var translation = Translate(access, accessSize: size);
        return translation.IsFault ? new(translation, 0) : MemoryPath.WriteRam(Machine.Memory, translation, access.Type, value, size);
    }

    private Translation Translate(in Access access, int accessSize)
    {
        var reason = _addressing.Split(access, out var selector, out var offset);
        if (reason != FaultReason.None)
            return Fault(reason, level: -1);
        if (!_table.TryRead(selector, out var descriptor))
            return Fault(FaultReason.Selector, level: -1);

        Counters.Walks++;
        Counters.PteReads++;
        Walk? walk = null;
        if (Machine.Options.TraceWalks)
        {
            walk = new Walk();
            walk.Add(new WalkStep(0, selector, _table.DescriptorAddress(selector), descriptor.Word0, "SEG"));
        }

        if (!descriptor.IsValid)
            return Fault(FaultReason.Selector, 0, walk);
        if (!descriptor.TryTranslate(offset, _addressing.Offsets, out var pa) || !Holds(descriptor, offset, accessSize))
            return Fault(FaultReason.Limit, 0, walk);
        if (!descriptor.Allows(access.Type))
            return Fault(FaultReason.Permission, 0, walk);
        var segmentSize = descriptor.Size > ulong.MaxValue ? ulong.MaxValue : (ulong)descriptor.Size;
        return Translation.Success(pa, 0, segmentSize, tlbHit: false, walk);
    }

    /// <summary>Whether the last byte of a <paramref name="size"/>-byte access at offset lies in the segment too (the first does).</summary>
    private bool Holds(in SegmentDescriptor descriptor, ulong offset, int size)
    {
        var last = offset + (ulong)Math.Max(size - 1, 0);
        return last >= offset && _addressing.Offsets.Contains(last) && descriptor.TryTranslate(last, _addressing.Offsets, out _);
    }

    public EditResult DefineSegment(in Segment segment)
    {
        var problem = SegmentRules.Check(segment, _addressing.Offsets, _addressing.Selectors);
        return problem is null
            ? _table.Write(segment.Selector, SegmentDescriptor.Of(segment))
            : EditResult.Invalid(problem);
    }

    public string Dump() => SegmentTableDump.Format(_table);

    private static Translation Fault(FaultReason reason, int level, Walk? walk = null) =>
        Translation.Faulted(FaultKind.SegmentationFault, reason, level, walk);
}
