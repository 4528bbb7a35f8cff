using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>A leaf PTE the kernel wrote: which page it points at, with which flags.</summary>
internal readonly record struct Leaf(Page Page, PteFlags Flags)
{
    public bool Writable => (Flags & PteFlags.W) != 0;
}
