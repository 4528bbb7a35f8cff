using VmSpec.Core.Mmu;
using static VmSpec.Core.Tests.Segmentation.SegmentationHarness;

namespace VmSpec.Core.Tests.Segmentation;

/// <summary>Data moved through a segment by <see cref="MemoryPath"/> lands in RAM at base + offset.</summary>
public sealed class LoadStoreTests
{
    private const ulong DataBase = MachineOptions.DefaultRamBase + 0x10_0000;

    [Test]
    public void A_store_through_a_segment_is_read_back_from_ram_and_through_the_segment()
    {
        var unit = Explicit().With(new(1, DataBase, 0xFFF, Rw));

        var stored = unit.Store(new Access(0x10, AccessType.Write, Selector: 1), 0x1122_3344_5566_7788);
        unit.Machine.Memory.TryRead(DataBase + 0x10, 2, out var lowHalf);
        var loaded = unit.Load(new Access(0x14, AccessType.Read, Selector: 1), size: 4);

        Assert.That(stored.IsFault, Is.False);
        Assert.That(lowHalf, Is.EqualTo(0x7788), "little-endian");
        Assert.That(loaded.Value, Is.EqualTo(0x1122_3344));
    }

    [Test]
    public void A_store_past_the_limit_faults_and_writes_nothing()
    {
        var unit = Explicit().With(new(1, DataBase, 0xFFF, Rw));

        var stored = unit.Store(new Access(0x1000, AccessType.Write, Selector: 1), 0xFF, size: 1);

        Assert.That(stored.Translation.Reason, Is.EqualTo(FaultReason.Limit));
        Assert.That(unit.Machine.Memory.BackedBytes, Is.EqualTo(4096), "only the segment table's frame");
    }

    [Test]
    public void A_segment_outside_ram_translates_but_a_load_there_is_an_access_fault()
    {
        var unit = Explicit().With(new(1, 0x2000, 0xFFF, Rw));

        var loaded = unit.Load(new Access(0x10, AccessType.Read, Selector: 1));

        Assert.That((loaded.Translation.Fault, loaded.Translation.Reason), Is.EqualTo((FaultKind.LoadAccessFault, FaultReason.OutsideRam)));
    }
}
