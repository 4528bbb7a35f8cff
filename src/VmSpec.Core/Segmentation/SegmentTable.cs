using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Segmentation;

/// <summary>
/// The descriptor table in simulated RAM, indexed by selector (as x86's GDT is): contiguous frames
/// from the machine's allocator, one <see cref="SegmentDescriptor"/> per selector, zero (not
/// valid) until defined. Only its address and capacity live in the host; descriptors are read
/// from RAM on every use, so a dump or a raw write to RAM sees what translation sees.
/// </summary>
internal sealed class SegmentTable(Machine machine)
{
    private const int DescriptorsPerFrame = (int)PhysicalMemory.FrameSize / SegmentDescriptor.Bytes;

    private PhysicalMemory Memory => machine.Memory;

    /// <summary>Physical address of descriptor 0; meaningless while <see cref="Capacity"/> is 0.</summary>
    public ulong Address { get; private set; }

    /// <summary>How many selectors the table has room for; none before the first segment is defined.</summary>
    public ulong Capacity { get; private set; }

    private long Frames => (long)(Capacity / DescriptorsPerFrame);

    public ulong DescriptorAddress(ulong selector) => Address + selector * SegmentDescriptor.Bytes;

    /// <summary>Reads the descriptor of a selector from RAM; false (nothing read) past the table's end.</summary>
    public bool TryRead(ulong selector, out SegmentDescriptor descriptor)
    {
        descriptor = default;
        if (selector >= Capacity)
            return false;
        var at = DescriptorAddress(selector);
        Memory.TryReadUInt64(at, out var word0);
        Memory.TryReadUInt64(at + 8, out var limit);
        descriptor = SegmentDescriptor.FromWords(word0, limit);
        return true;
    }

    public EditResult Write(ulong selector, in SegmentDescriptor descriptor)
    {
        if (selector >= Capacity && !TryGrow(selector))
            return EditResult.OutOfMemory($"no {FramesFor(selector)} contiguous free frames for a segment table holding selector 0x{selector:x}");
        var at = DescriptorAddress(selector);
        Memory.TryWriteUInt64(at, descriptor.Word0);
        Memory.TryWriteUInt64(at + 8, descriptor.Limit);
        return EditResult.Ok;
    }

    /// <summary>
    /// Moves the table to a run of frames big enough for <paramref name="selector"/>: the new run
    /// is taken before the old one is given back, so running out of frames changes nothing.
    /// </summary>
    private bool TryGrow(ulong selector)
    {
        var frames = FramesFor(selector);
        if (frames > (UInt128)machine.Frames.FreeFrames
            || !machine.Frames.TryAllocContiguous((long)frames, PhysicalMemory.FrameSize, out var first))
            return false;

        for (var i = 0L; i < Frames; i++)
            Memory.CopyFrame(Address + (ulong)i * PhysicalMemory.FrameSize, first + (ulong)i * PhysicalMemory.FrameSize);
        if (Capacity > 0)
            machine.Frames.FreeContiguous(Address, Frames);

        Address = first;
        Capacity = (ulong)frames * DescriptorsPerFrame;
        return true;
    }

    private static UInt128 FramesFor(ulong selector) => ((UInt128)selector + DescriptorsPerFrame) / DescriptorsPerFrame;
}
