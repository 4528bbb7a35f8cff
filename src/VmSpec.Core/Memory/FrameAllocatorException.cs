namespace VmSpec.Core.Memory;

/// <summary>
/// A frame was freed that is not allocated (a bug in the code that freed it), or the free list
/// threaded through the free frames was overwritten (a store into a free frame, which a scenario
/// can make through a mapping of one).
/// </summary>
public sealed class FrameAllocatorException(string message) : InvalidOperationException(message);
