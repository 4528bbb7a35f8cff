using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>The dump format of docs/dump-format.md, pinned on small tables.</summary>
public sealed class DumpTests
{
    [Test]
    public void Sv39_dump_shows_pointers_leaves_superpages_and_raw_entries()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4000_1000, 0x8010_0000, 4096, UserRwAd));
        AssertOk(mmu.Map(0xFFFF_FFFF_FFE0_0000, 0x8020_0000, 2UL << 20, PteFlags.Rx | PteFlags.G));
        AssertOk(mmu.WritePte(0x4000_3000, 0, 0xF0));

        Assert.That(mmu.Dump(), Is.EqualTo("""
            sv39 asid 0 root 0x0000000080fff000
            L2[001] 0x00000000203ff801 -------V -> table 0x0000000080ffe000
              L1[000] 0x00000000203ff401 -------V -> table 0x0000000080ffd000
                L0[001] 0x00000000200400d7 DA-U-WRV 0x0000000040001000..0x0000000040001fff -> 0x0000000080100000..0x0000000080100fff 4KiB
                L0[003] 0x00000000000000f0 DAGU---- (invalid)
            L2[1ff] 0x00000000203ff001 -------V -> table 0x0000000080ffc000
              L1[1ff] 0x000000002008002b --G-X-RV 0xffffffffffe00000..0xffffffffffffffff -> 0x0000000080200000..0x00000000803fffff 2MiB

            """));
    }

    [Test]
    public void A_radix_format_whose_addresses_are_not_sign_extended_shows_its_leaves_as_they_are()
    {
        // L2 index 0x100 is va bit 38: canonical Sv39 reads it as the high half, a "below 2^39" rule does not.
        var mmu = Sv39();
        AssertOk(mmu.Map(0xFFFF_FFC0_0000_0000, 0x8010_0000, 4096, UserRwAd));
        var root = mmu.RootOf(mmu.CurrentAsid);

        var canonical = new RadixDumper(mmu.Machine.Memory, "x", 3).Dump(0, root);
        var below = new RadixDumper(mmu.Machine.Memory, "x", 3, AddressRule.Below(39)).Dump(0, root);

        Assert.That(canonical, Does.Contain("0xffffffc000000000..0xffffffc000000fff -> 0x0000000080100000"));
        Assert.That(below, Does.Contain("0x0000004000000000..0x0000004000000fff -> 0x0000000080100000"));
    }

    [Test]
    public void Sv39_dump_notes_what_a_walk_would_refuse()
    {
        var mmu = Sv39();
        AssertOk(mmu.WritePte(0x4000_0000, 1, Leaf(0x8020_1000, UserRwAd)));
        AssertOk(mmu.WritePte(0x8000_0000, 2, Pte.Pointer(0x1).Raw));
        AssertOk(mmu.WritePte(0xC000_0000, 2, Leaf(0x8000_0000, PteFlags.W)));

        var dump = mmu.Dump();

        Assert.That(dump, Does.Contain("2MiB (misaligned superpage)"));
        Assert.That(dump, Does.Contain("-> table 0x0000000000001000 (table outside RAM)"));
        Assert.That(dump, Does.Contain("1GiB (reserved: W without R)"));
    }

    [Test]
    public void Single_level_dump_lists_every_non_zero_entry()
    {
        var mmu = SingleLevel(pageSize: 16, vaBits: 12);
        AssertOk(mmu.Map(0x120, Ram + 0x30, 16, UserRwAd));
        AssertOk(mmu.WritePte(0xFF0, 0, Pte.Pointer(3).Raw));

        Assert.That(mmu.Dump(), Is.EqualTo("""
            single-level asid 0 page 16B va-bits 12 table 0x0000000080fff000 size 0x800
            PT[012] 0x0000002000000cd7 DA-U-WRV 0x0000000000000120..0x000000000000012f -> 0x0000000080000030..0x000000008000003f 16B
            PT[0ff] 0x0000000000000c01 -------V (no-leaf: pointer with no level below)

            """));
    }
}
