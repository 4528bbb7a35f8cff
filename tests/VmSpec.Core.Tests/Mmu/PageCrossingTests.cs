using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Mmu;

/// <summary>
/// An access split at page boundaries where a property test's pages do not reach: pages smaller
/// than the access (more than two portions) under the translate-then-access path every plug-in
/// gets, a later portion outside RAM, and an access that wraps from the top of the address space.
/// </summary>
public sealed class PageCrossingTests
{
    [Test]
    public void An_access_over_pages_smaller_than_itself_is_one_portion_per_page()
    {
        var mmu = new TwoBytePages(new Machine());
        for (var va = 1UL; va <= 8; va++)
            mmu.Machine.Memory.TryWrite(TwoBytePages.PaOf(va), 1, 0x10 + va);

        var load = mmu.Load(Access.Read(1));

        // Bytes 1 | 2 3 | 4 5 | 6 7 | 8: five pages, five translations.
        Assert.That((load.Value, mmu.Counters.Walks), Is.EqualTo((0x1817_1615_1413_1211UL, 5L)));
        Assert.That(load.Translation.PhysicalAddress, Is.EqualTo(TwoBytePages.PaOf(1)), "the access's translation is its first byte's");
        Assert.That(load.Portions!.Select(portion => (portion.Address, portion.Translation.PhysicalAddress)),
            Is.EqualTo(new[] { 1UL, 2UL, 4UL, 6UL, 8UL }.Select(va => (va, TwoBytePages.PaOf(va)))), "every portion, where it starts and where it went");
    }

    [Test]
    public void An_access_within_one_page_has_no_portions()
    {
        var mmu = new TwoBytePages(new Machine());

        Assert.That((mmu.Load(Access.Read(2), 2).Portions, mmu.Store(Access.Write(4), 0, 2).Portions), Is.EqualTo(((object?)null, (object?)null)));
    }

    [Test]
    public void The_portions_of_a_split_access_that_faults_end_at_the_portion_that_faulted()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x1000, Ram + 0x10_0000, 4096, UserRwAd));

        var sv39Load = mmu.Load(Access.Read(0x1FFC));

        Assert.That(sv39Load.Portions!.Select(portion => (portion.Address, portion.Translation.IsFault)),
            Is.EqualTo(new[] { (0x1FFCUL, false), (0x2000UL, true) }));
        Assert.That(sv39Load.Portions![^1].Translation, Is.EqualTo(sv39Load.Translation), "the access's fault is its last portion's");
    }

    [Test]
    public void A_store_whose_later_portion_is_outside_ram_is_that_portions_access_fault_and_writes_nothing()
    {
        var mmu = new TwoBytePages(new Machine(), firstVaOutsideRam: 6);

        var store = mmu.Store(Access.Write(4), 0xAABB_CCDD, 4);

        Assert.That((store.Translation.Fault, store.Translation.Reason, store.Translation.PhysicalAddress),
            Is.EqualTo((FaultKind.StoreAccessFault, FaultReason.OutsideRam, TwoBytePages.PaOutsideRam(6))));
        mmu.Machine.Memory.TryRead(TwoBytePages.PaOf(4), 2, out var firstPortion);
        Assert.That(firstPortion, Is.Zero);
    }

    [Test]
    public void A_split_access_with_every_portion_outside_ram_is_the_first_portions_access_fault()
    {
        // Bytes 4 5 | 6 7: both pages lie past RAM. Portions are taken in order, so the fault is
        // met at byte 4, and the access fault names the first portion's address, not the second's.
        var mmu = new TwoBytePages(new Machine(), firstVaOutsideRam: 4);

        var load = mmu.Load(Access.Read(4), 4);
        var store = mmu.Store(Access.Write(4), 0xAABB_CCDD, 4);

        Assert.That((load.Translation.Fault, load.Translation.Reason, load.Translation.PhysicalAddress),
            Is.EqualTo((FaultKind.LoadAccessFault, FaultReason.OutsideRam, TwoBytePages.PaOutsideRam(4))));
        Assert.That((store.Translation.Fault, store.Translation.Reason, store.Translation.PhysicalAddress),
            Is.EqualTo((FaultKind.StoreAccessFault, FaultReason.OutsideRam, TwoBytePages.PaOutsideRam(4))));
    }

    [Test]
    public void An_sv39_access_at_the_top_of_the_address_space_wraps_onto_page_zero()
    {
        var mmu = Sv39();
        const ulong TopPage = 0xFFFF_FFFF_FFFF_F000;
        AssertOk(mmu.Map(TopPage, Ram + 0x10_0000, 4096, UserRwAd));
        AssertOk(mmu.Map(0, Ram + 0x30_0000, 4096, UserRwAd));

        var store = mmu.Store(Access.Write(TopPage + 0xFFC), 0x8877_6655_4433_2211);

        Assert.That(store.IsFault, Is.False, store.Translation.ToString());
        Assert.That(mmu.Load(Access.Read(0), 4).Value, Is.EqualTo(0x8877_6655UL));
        Assert.That(mmu.Load(Access.Read(TopPage + 0xFFC), 4).Value, Is.EqualTo(0x4433_2211UL));
    }

    /// <summary>A plug-in with only Translate: 2-byte pages, page n at RAM + n × 0x100, so no two pages are neighbours in RAM.</summary>
    private sealed class TwoBytePages(Machine machine, ulong firstVaOutsideRam = ulong.MaxValue) : IMmu
    {
        public static ulong PaOf(ulong va) => Ram + (va >> 1) * 0x100 + (va & 1);

        public static ulong PaOutsideRam(ulong va) => Ram + MachineOptions.DefaultRamSize + va;

        public string Kind => "two-byte-pages";

        public IReadOnlySet<string> Features { get; } = new HashSet<string>();

        public Machine Machine { get; } = machine;

        public MmuCounters Counters { get; } = new();

        public Translation Translate(in Access access)
        {
            Counters.Walks++;
            var pa = access.Address >= firstVaOutsideRam ? PaOutsideRam(access.Address) : PaOf(access.Address);
            return Translation.Success(pa, 0, 2, tlbHit: false, walk: null);
        }

        public string Dump() => "";
    }
}
