using System.Numerics;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// What a paging MMU offers to set up address spaces. Tables live in simulated memory, taken from
/// the machine's frame allocator. Edits never touch the TLB: only <see cref="Sfence"/> does, or a
/// switch when the TLB is not ASID-tagged. None of these throws; a refused edit says why.
/// </summary>
public interface IPagingMmu : IMmu
{
    /// <summary>The base page size in bytes.</summary>
    ulong PageSize { get; }

    /// <summary>How many table levels a TLB miss reads at most (3 for Sv39, 1 single-level).</summary>
    int Levels { get; }

    /// <summary>
    /// The bytes one leaf at <paramref name="level"/> maps: <see cref="PageSize"/> at level 0, a
    /// superpage above it. A <c>map</c> without <c>pa</c> of exactly this size asks for one aligned
    /// run of frames. By default each level's page is 512 times the one below, as in every RISC-V
    /// radix format; a format whose tables hold another number of entries says so here. Zero for a
    /// level outside [0, <see cref="Levels"/>) or a size that 64 bits cannot hold.
    /// </summary>
    ulong PageSizeAt(int level)
    {
        const int entryBits = 9;
        if (level < 0 || level >= Levels || entryBits * level >= BitOperations.LeadingZeroCount(PageSize))
            return 0;
        return PageSize << (entryBits * level);
    }

    /// <summary>The ASID of the address space translations currently use.</summary>
    ushort CurrentAsid { get; }

    /// <summary>
    /// Makes leaf PTEs for [va, va+size) pointing at [pa, pa+size). A size equal to a superpage
    /// size, with va and pa aligned to it, makes one superpage leaf. <paramref name="flags"/> holds
    /// R/W/X/U/G/A/D; V is implied.
    /// </summary>
    EditResult Map(ulong va, ulong pa, ulong size, PteFlags flags);

    /// <summary>Clears the leaf PTEs of [va, va+size). Tables are kept.</summary>
    EditResult Unmap(ulong va, ulong size);

    /// <summary>Replaces R/W/X and U of the leaves of [va, va+size); other bits stay.</summary>
    EditResult Protect(ulong va, ulong size, PteFlags permissions);

    /// <summary>
    /// Writes a raw PTE at <paramref name="level"/> of the walk for <paramref name="va"/>,
    /// following pointers already on the path and creating only the missing tables.
    /// </summary>
    EditResult WritePte(ulong va, int level, ulong value);

    /// <summary>The leaf a walk of the current space would use for va, read without touching the TLB, the counters or the PTEs' A/D bits.</summary>
    LeafLookup FindLeaf(ulong va);

    /// <summary>Switches to the address space of an ASID, creating an empty one on first use.</summary>
    EditResult SwitchAddressSpace(ushort asid);

    /// <summary>Frees every table frame of an address space that is not the current one.</summary>
    EditResult DestroyAddressSpace(ushort asid);

    /// <summary>sfence.vma: neither argument flushes all; see <see cref="Tlb.Tlb.Flush"/>.</summary>
    void Sfence(ulong? va, ushort? asid);

    /// <summary>Frames the tables of an address space occupy (root included).</summary>
    long TableFrames(ushort asid);
}
