using System;

namespace VmSpec.Scenarios
{
    /// <summary>The kind of memory access (<c>op</c>).</summary>
    public enum AccessOp { Read, Write, Execute }

    /// <summary>The privilege mode of an access (<c>mode</c>).</summary>
    public enum PrivilegeMode { User, Supervisor }

    /// <summary>Permission letters <c>r</c>, <c>w</c>, <c>x</c>.</summary>
    [Flags]
    public enum Perm { None = 0, Read = 1, Write = 2, Execute = 4 }

    /// <summary>The exception an access raises (<c>fault</c>).</summary>
    public enum FaultKind
    {
        InstructionPageFault,
        LoadPageFault,
        StorePageFault,
        InstructionAccessFault,
        LoadAccessFault,
        StoreAccessFault,
        SegmentationFault,
    }

    /// <summary>Why an access faulted (<c>reason</c>).</summary>
    public enum FaultReason
    {
        Invalid,
        Reserved,
        NoLeaf,
        Permission,
        MisalignedSuperpage,
        NonCanonical,
        NotAccessed,
        NotDirty,
        OutOfRange,
        Limit,
        Selector,
    }

    /// <summary>Whether an access hit the TLB (<c>expect.tlb</c>).</summary>
    public enum TlbOutcome { Hit, Miss }

    /// <summary>How a kernel call fails (<c>expect.error</c>).</summary>
    public enum KernelError { OutOfMemory, Invalid }

    /// <summary>How the kernel ends a process whose access it cannot satisfy (<c>expect.signal</c>).</summary>
    public enum ProcessSignal { Sigsegv, Sigkill }

    /// <summary><c>segmentation.mode</c>.</summary>
    public enum SegmentationMode { Explicit, TopBits }

    /// <summary><c>sv39.ad</c>: who maintains the A and D bits.</summary>
    public enum AccessDirtyPolicy { Hardware, Fault }

    /// <summary><c>segment.grows</c>.</summary>
    public enum GrowDirection { Up, Down }
}
