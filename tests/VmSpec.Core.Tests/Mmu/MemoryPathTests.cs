using VmSpec.Core.Mmu;

namespace VmSpec.Core.Tests.Mmu;

/// <summary>
/// Loads and stores as members of <see cref="IMmu"/>: an MMU that does not define them gets the
/// translate-then-access behaviour, one that does is called however the caller reaches it.
/// </summary>
public sealed class MemoryPathTests
{
    private const ulong Ram = MachineOptions.DefaultRamBase;

    [Test]
    public void An_mmu_without_its_own_load_translates_then_reads_ram()
    {
        var mmu = new OffsetMmu(new Machine());
        mmu.Machine.Memory.TryWrite(Ram + 0x18, 8, 0xABCD);

        var load = mmu.Load(Access.Read(0x18));

        Assert.That((load.Translation.PhysicalAddress, load.Value), Is.EqualTo((Ram + 0x18, 0xABCDUL)));
    }

    [Test]
    public void An_mmu_without_its_own_store_writes_ram_and_outside_ram_is_an_access_fault()
    {
        IMmu mmu = new OffsetMmu(new Machine());

        var inside = mmu.Store(Access.Write(0x20), 0x77, 1);
        var outside = mmu.Store(Access.Write(MachineOptions.DefaultRamSize), 0x77);

        Assert.That(mmu.Machine.Memory.TryRead(Ram + 0x20, 1, out var value) ? value : 0, Is.EqualTo(0x77UL));
        Assert.That((inside.IsFault, outside.Translation.Fault, outside.Translation.Reason),
            Is.EqualTo((false, FaultKind.StoreAccessFault, FaultReason.OutsideRam)));
    }

    [Test]
    public void An_mmu_with_its_own_load_is_called_through_the_interface_and_the_extension()
    {
        var mmu = new CountingMmu(new Machine());

        ((IMmu)mmu).Load(Access.Read(0));
        MemoryPath.Load(mmu, Access.Read(0));
        mmu.Store(Access.Write(0), 1);

        Assert.That((mmu.Loads, mmu.Stores), Is.EqualTo((2, 1)));
    }

    /// <summary>An MMU written against the interface alone: pa = RAM base + va.</summary>
    private class OffsetMmu(Machine machine) : IMmu
    {
        public string Kind => "offset";

        public IReadOnlySet<string> Features { get; } = new HashSet<string>();

        public Machine Machine { get; } = machine;

        public MmuCounters Counters { get; } = new();

        public Translation Translate(in Access access) => Translation.Success(Ram + access.Address, 0, 1, tlbHit: false, walk: null);

        public string Dump() => "";
    }

    // IMmu listed again, so that its Load and Store implement the interface (a base class's mapping would stand otherwise).
    private sealed class CountingMmu(Machine machine) : OffsetMmu(machine), IMmu
    {
        public int Loads { get; private set; }

        public int Stores { get; private set; }

        public MemoryResult Load(in Access access, int size = 8)
        {
            Loads++;
            return MemoryPath.TranslateAndLoad(this, access, size);
        }

        public MemoryResult Store(in Access access, ulong value, int size = 8)
        {
            Stores++;
            return MemoryPath.TranslateAndStore(this, access, value, size);
        }
    }
}
