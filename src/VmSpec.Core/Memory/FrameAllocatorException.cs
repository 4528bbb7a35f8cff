namespace VmSpec.Core.Memory;

/// <summary>A frame was freed that is not allocated: a bug in the code that freed it, never a scenario's doing.</summary>
public sealed class FrameAllocatorException(string message) : InvalidOperationException(message);
