using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// A flat page table: one physically contiguous array of Sv39-layout PTEs per address space,
/// indexed by the whole VPN, geometry from the machine's <c>paging</c> options. The same PTE
/// checks as Sv39 apply where they can; there are no levels, so a pointer-shaped entry is no-leaf.
/// <para>
/// When RAM cannot hold a table, the constructor still succeeds: the first space then has no table
/// and every access to it is a page fault with reason invalid (nothing is mapped), edits that need
/// the table report out-of-memory, and <see cref="PagingMmu.SwitchAddressSpace"/> to a new ASID
/// reports out-of-memory.
/// </para>
/// </summary>
public sealed class SingleLevelMmu : PagingMmu
{
    public SingleLevelMmu(Machine machine)
        : base(machine, [MmuFeatures.Asid, MmuFeatures.Svade], AddressRule.Below(machine.Options.SingleLevel.VaBits))
    {
        Geometry = new SingleLevelGeometry(machine.Options.SingleLevel);
        StartFirstSpace();
    }

    public SingleLevelGeometry Geometry { get; }

    /// <summary>Size of one address space's table in bytes (2^va-bits / page size × 8); null beyond 64 bits.</summary>
    public ulong? TableBytes => Geometry.TableBytes;

    public override string Kind => MmuKinds.SingleLevel;

    public override ulong PageSize => Geometry.PageSize;

    public override int Levels => 1;

    protected override int PageShiftAt(int level) => Geometry.PageBits;

    protected override WalkOutcome Descend(AddressSpace space, ulong va, Walk? walk)
    {
        var index = va >> Geometry.PageBits;
        var address = space.Root + index * Pte.Size;
        if (!TryReadPte(address, out var raw))
            return WalkOutcome.OutsideRam(0, address, pteReads: 0);
        if (walk is not null)
            Trace(walk, new WalkStep(0, index, address, raw));

        var pte = new Pte(raw);
        var reason = PteShape.Check(pte, canPoint: false, out _);
        return reason == FaultReason.None
            ? WalkOutcome.Leaf(0, address, pte, pteReads: 1)
            : WalkOutcome.PageFault(reason, 0, address, pte, pteReads: 1);
    }

    protected override TableProbe Probe(AddressSpace space, ulong va, int targetLevel)
    {
        var address = space.Root + (va >> Geometry.PageBits) * Pte.Size;
        Memory.TryReadUInt64(address, out var raw);
        return new TableProbe(0, address, new Pte(raw));
    }

    protected override bool TryCreateTables(AddressSpace space)
    {
        // A table larger than RAM cannot be had; asking the allocator would only scan in vain.
        if (Geometry.TableFrames is not { } frames || frames > Machine.Frames.FreeFrames
            || !Machine.Frames.TryAllocContiguous(frames, PhysicalMemory.FrameSize, out var first))
            return false;
        for (var i = 0L; i < frames; i++)
            space.AddTableFrame(first + (ulong)i * PhysicalMemory.FrameSize);
        space.SetRoot(first);
        return true;
    }

    protected override int LeafLevelFor(ulong va, ulong pa, ulong size) => 0;

    public override string Dump() =>
        new SingleLevelDumper(Memory, Geometry).Dump(CurrentAsid, RootOf(CurrentAsid));
}
