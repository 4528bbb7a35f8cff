using VmSpec.Core.Memory;

namespace VmSpec.Core;

/// <summary>
/// The hardware an MMU is plugged into: RAM and the frame allocator that hands it out. An MMU is
/// built over a machine (its constructor takes one), so every implementation of a kind keeps its
/// tables in the same simulated memory and can be dumped by the same dumper.
/// </summary>
public sealed class Machine
{
    public Machine(MachineOptions? options = null)
    {
        Options = options ?? new MachineOptions();
        Memory = new PhysicalMemory(Options.RamBase, Options.RamSize);
        Frames = new FrameAllocator(Memory);
    }

    public MachineOptions Options { get; }

    public PhysicalMemory Memory { get; }

    public FrameAllocator Frames { get; }
}
