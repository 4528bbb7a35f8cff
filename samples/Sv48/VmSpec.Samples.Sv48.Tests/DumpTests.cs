using VmSpec.Core.Paging;
using static VmSpec.Samples.Sv48.Tests.Sv48Kit;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>The dump of docs/dump-format.md with four levels, worked out by hand from the allocator's order.</summary>
public class DumpTests
{
    [Test]
    public void Dump_shows_every_level_superpages_and_notes()
    {
        var mmu = Mmu();
        // Tables come from the top of RAM down: L2 0x80ffe000, L1 0x80ffd000, L0 0x80ffc000, then 0x80ffb000.
        // TableA is a free frame, so its entry 0 is the free list's link to the frame below.
        mmu.Map(0x80_8060_4000, Data, 4096, UserRw);
        mmu.WritePte(0x4000_0000, 2, Leaf(0x8000_1000, PteFlags.R | PteFlags.U));
        mmu.Map(0xffff_8000_0000_0000, 0x80_0000_0000, Sv48Layout.TerapageSize, UserRw);
        mmu.WritePte(0xffff_ff80_0000_0000, 3, Pointer(TableA) | (ulong)PteFlags.A);
        mmu.Read(0x80_8060_4567);

        Assert.That(mmu.Dump(), Is.EqualTo("""
            sv48 asid 0 root 0x0000000080fff000
            L3[000] 0x00000000203fec01 -------V -> table 0x0000000080ffb000
              L2[001] 0x0000000020000413 ---U--RV 0x0000000040000000..0x000000007fffffff -> 0x0000000080001000..0x00000000c0000fff 1GiB (misaligned superpage)
            L3[001] 0x00000000203ff801 -------V -> table 0x0000000080ffe000
              L2[002] 0x00000000203ff401 -------V -> table 0x0000000080ffd000
                L1[003] 0x00000000203ff001 -------V -> table 0x0000000080ffc000
                  L0[004] 0x0000000020080057 -A-U-WRV 0x0000008080604000..0x0000008080604fff -> 0x0000000080200000..0x0000000080200fff 4KiB
            L3[100] 0x0000002000000017 ---U-WRV 0xffff800000000000..0xffff807fffffffff -> 0x0000008000000000..0x000000ffffffffff 512GiB
            L3[1ff] 0x0000000020040041 -A-----V -> table 0x0000000080100000 (reserved: A/D/U on a pointer)
              L2[000] 0x00000000800ff000 -------- (invalid)

            """.Replace("\r\n", "\n")));
    }

    [Test]
    public void Tables_that_point_at_themselves_still_dump_in_finite_time()
    {
        var mmu = Mmu();
        mmu.WritePte(0, 3, Pointer(Root));

        Assert.That(mmu.Dump().Split('\n'), Has.Length.EqualTo(1 + 4 + 1));
    }
}
