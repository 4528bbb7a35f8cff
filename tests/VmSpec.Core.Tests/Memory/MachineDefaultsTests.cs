using VmSpec.Core.Memory;

namespace VmSpec.Core.Tests.Memory;

/// <summary>A machine built without options is the scenario format's default: 16 MiB of RAM at 0x8000_0000, all of it free.</summary>
public sealed class MachineDefaultsTests
{
    [Test]
    public void Default_ram_is_sixteen_mebibytes_at_0x8000_0000()
    {
        var machine = new Machine();

        Assert.That((machine.Memory.Base, machine.Memory.Size), Is.EqualTo((0x8000_0000UL, 16UL << 20)));
        Assert.That(machine.Frames.TotalFrames, Is.EqualTo(4096));
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(4096));
    }

    [Test]
    public void The_allocator_hands_out_frames_of_the_machine_s_own_ram()
    {
        var machine = new Machine(new MachineOptions { RamBase = 0x4000_0000, RamSize = 8 * PhysicalMemory.FrameSize });

        Assert.That(machine.Frames.TryAlloc(out var frame), Is.True);
        machine.Memory.TryWriteUInt64(frame, 7);

        Assert.That(frame, Is.EqualTo(0x4000_0000UL + 7 * PhysicalMemory.FrameSize), "the highest frame first");
        Assert.That(machine.Memory.BackedBytes, Is.EqualTo((long)PhysicalMemory.FrameSize), "the allocator zeroes in the same RAM the machine reads");
    }
}
