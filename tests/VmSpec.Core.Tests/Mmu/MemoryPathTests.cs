using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Segmentation;

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

    private static IEnumerable<TestCaseData> EveryLoadPath()
    {
        foreach (var size in new[] { 0, 3, 5, 16, -8 })
        {
            yield return new TestCaseData((Func<IMmu>)(() => new OffsetMmu(new Machine())), size).SetArgDisplayNames("translate then access", $"{size}");
            yield return new TestCaseData((Func<IMmu>)(() => Mapped(new Sv39Mmu(new Machine()))), size).SetArgDisplayNames("sv39", $"{size}");
            yield return new TestCaseData((Func<IMmu>)(() => Mapped(new SingleLevelMmu(new Machine()))), size).SetArgDisplayNames("single-level", $"{size}");
            yield return new TestCaseData((Func<IMmu>)(() => new SegmentationUnit(new Machine())), size).SetArgDisplayNames("segmentation", $"{size}");
        }
    }

    [TestCaseSource(nameof(EveryLoadPath))]
    public void A_size_no_load_or_store_has_is_the_callers_error_and_touches_nothing(Func<IMmu> build, int size)
    {
        var mmu = build();
        var address = mmu is SegmentationUnit ? 0UL : 0x18UL;

        Assert.That(() => mmu.Load(Access.Read(address), size), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("1, 2, 4 or 8"));
        Assert.That(() => mmu.Store(Access.Write(address), 0xFF, size), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That((mmu.Counters.TlbHits, mmu.Counters.TlbMisses, mmu.Counters.Walks), Is.EqualTo((0L, 0L, 0L)), "nothing was translated");
    }

    /// <summary>Page 0 mapped, and its entry in the TLB, so a load of size 8 there would go down the fused hit path.</summary>
    private static IMmu Mapped(IPagingMmu mmu)
    {
        Assert.That(mmu.Map(0, Ram + 0x10_0000, mmu.PageSize, PteFlags.R | PteFlags.W | PteFlags.U | PteFlags.A | PteFlags.D).IsOk);
        Assert.That(mmu.Load(Access.Read(0x18)).IsFault, Is.False);
        mmu.Counters.Reset();
        return mmu;
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
