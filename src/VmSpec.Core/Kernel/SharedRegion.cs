namespace VmSpec.Core.Kernel;

/// <summary>
/// The memory behind a shared anonymous mapping (Linux's shmem object): its pages belong to the
/// region, not to any process, so a page first touched by a forked child is found by the parent's
/// next fault too. It lives while some VMA maps any part of it; then all its pages are freed.
/// </summary>
internal sealed class SharedRegion
{
    public Dictionary<ulong, Page> Pages { get; } = [];

    /// <summary>The VMAs, in every address space, that map part of the region.</summary>
    public int Mappings { get; set; }
}
