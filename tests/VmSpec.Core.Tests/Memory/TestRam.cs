using VmSpec.Core.Memory;

namespace VmSpec.Core.Tests.Memory;

/// <summary>Where the memory tests put their RAM (the format's default base) and the frame size they count in.</summary>
internal static class TestRam
{
    public const ulong Base = MachineOptions.DefaultRamBase;
    public const ulong Frame = PhysicalMemory.FrameSize;
}
