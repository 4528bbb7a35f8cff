using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>What a region of an address space is for; it decides how a fault in it is served.</summary>
internal enum VmaKind : byte
{
    /// <summary>[break at spawn, break): grown eagerly by sbrk.</summary>
    Heap,

    /// <summary>Anonymous mmap memory, private or shared: zero-filled on first touch.</summary>
    Anonymous,

    /// <summary>The read-only clock page.</summary>
    Clock,
}

/// <summary>
/// A virtual memory area: page-aligned [Start, End) with the permissions the process asked for.
/// These permissions are the truth a PTE is compared with: a private page whose PTE lost W for
/// copy-on-write still has W here, which is how the kernel knows to copy rather than signal.
/// A shared VMA names its <see cref="Region"/> and the region page its first page is.
/// </summary>
internal sealed class Vma(VmaKind kind, ulong start, ulong end, PteFlags permissions, SharedRegion? region = null, ulong regionFirstPage = 0)
{
    public VmaKind Kind { get; } = kind;

    public ulong Start { get; set; } = start;

    public ulong End { get; set; } = end;

    public PteFlags Permissions { get; } = permissions;

    public SharedRegion? Region { get; } = region;

    public ulong RegionFirstPage { get; } = regionFirstPage;

    public bool IsShared => Region is not null;

    public bool Contains(ulong va) => va >= Start && va < End;

    public bool Overlaps(ulong start, ulong end) => start < End && Start < end;

    public bool Allows(bool write) =>
        (Permissions & (write ? PteFlags.W : PteFlags.R)) != 0;

    /// <summary>A copy of part of this VMA (munmap splits); a shared part keeps its place in the region.</summary>
    public Vma Slice(ulong start, ulong end, ulong pageSize) =>
        new(Kind, start, end, Permissions, Region, RegionFirstPage + (start - Start) / pageSize);
}
