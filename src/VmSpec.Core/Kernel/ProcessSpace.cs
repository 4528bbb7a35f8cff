using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>
/// The kernel's record of one user address space: its ASID in the MMU (whose own
/// <see cref="Paging.AddressSpace"/> holds the tables), its VMAs, the private pages it holds and the
/// leaves it has in its tables. A process owns one; a vfork child borrows its parent's, so
/// <see cref="Users"/> counts the processes that run in it.
/// </summary>
internal sealed class ProcessSpace(ushort asid, ulong heapStart)
{
    public ushort Asid { get; } = asid;

    public int Users { get; set; } = 1;

    /// <summary>The break at spawn: the heap is [HeapStart, Break).</summary>
    public ulong HeapStart { get; } = heapStart;

    public ulong Break { get; set; } = heapStart;

    /// <summary>When the reclaimer last took this space's tables back (its count of trims then; 0 for never): ties go to the space trimmed longest ago.</summary>
    public long LastTrimmed { get; set; }

    /// <summary>Sorted by start, never overlapping.</summary>
    public List<Vma> Vmas { get; } = [];

    /// <summary>The private pages this space holds a reference to, by virtual address, resident or swapped.</summary>
    public Dictionary<ulong, Page> Private { get; } = [];

    /// <summary>The leaves in this space's tables: a mirror kept so fork, exit and rebuilds need not walk.</summary>
    public Dictionary<ulong, Leaf> Leaves { get; } = [];

    public Vma? FindVma(ulong va)
    {
        foreach (var vma in Vmas)
            if (vma.Contains(va))
                return vma;
        return null;
    }

    public void AddVma(Vma vma)
    {
        var index = Vmas.FindIndex(other => other.Start > vma.Start);
        Vmas.Insert(index < 0 ? Vmas.Count : index, vma);
    }

    public Vma HeapVma => Vmas.First(vma => vma.Kind == VmaKind.Heap);
}
