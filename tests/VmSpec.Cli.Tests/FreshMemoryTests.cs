using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Runner.Execution;

namespace VmSpec.Cli.Tests;

/// <summary>
/// A <c>map</c> without <c>pa</c> takes its frames as xv6's uvmalloc does: for each page, its frame,
/// then the tables its leaf needs. Only a size that is exactly one superpage takes one aligned run.
/// </summary>
public class FreshMemoryTests
{
    [Test]
    public void Two_base_pages_take_a_frame_each_with_the_tables_between_them()
    {
        // RAM tops at 0x8100_0000; the root is 0x80FF_F000. 0x2000's frame 0x80FF_E000 comes first,
        // then its L1 and L0 tables (0x80FF_D000, 0x80FF_C000), then 0x3000's frame, 0x80FF_B000.
        // An 8 KiB run taken at once would be 0x80FF_C000 .. 0x80FF_DFFF, before any table.
        AssertPasses("""
            description: an 8 KiB map is two base pages
            mmu: [sv39]
            steps:
              - map: { va: 0x2000, size: 8KiB, perm: rw }
              - read: 0x2000
                expect: { pa: 0x80FF_E000 }
              - read: 0x3000
                expect: { pa: 0x80FF_B000 }
            """);
    }

    [Test]
    public void A_megapage_takes_one_aligned_run()
    {
        // The top 2 MiB-aligned run, 0x80E0_0000 .. 0x80FF_FFFF, holds the root, so the highest free
        // one is 0x80C0_0000 .. 0x80DF_FFFF.
        AssertPasses("""
            description: a 2 MiB map is one run
            mmu: [sv39]
            requires: [superpages]
            steps:
              - map: { va: 0x20_0000, size: 2MiB, perm: rw }
              - read: 0x20_0000
                expect: { pa: 0x80C0_0000 }
              - read: 0x3F_F008
                expect: { pa: 0x80DF_F008 }
            """);
    }

    [Test]
    public void A_superpage_is_one_page_of_a_level_as_the_mmu_sizes_it()
    {
        // A format whose tables hold 1024 entries, as Sv32's do: its level-1 page is 4 MiB, and
        // 2 MiB, a megapage on Sv39, is 512 base pages there.
        var mmu = new TenBitLevels(new Machine(new MachineOptions()));

        Assert.That(FreshMemory.Map(mmu, 0x40_0000, 4 * Mib, PteFlags.R).IsOk, Is.True);
        Assert.That(mmu.MapSizes, Is.EqualTo(new[] { 4 * Mib }));

        mmu.MapSizes.Clear();
        Assert.That(FreshMemory.Map(mmu, 0x80_0000, 2 * Mib, PteFlags.R).IsOk, Is.True);
        Assert.That(mmu.MapSizes, Is.EqualTo(Enumerable.Repeat(mmu.PageSize, 512)));
    }

    private const ulong Mib = 1 << 20;

    /// <summary>Sv39 underneath, but sized as a format of 10-bit levels, recording the size of every map it is asked for.</summary>
    private sealed class TenBitLevels(Machine machine) : Sv39WithOneBug(machine)
    {
        public List<ulong> MapSizes { get; } = [];

        public override ulong PageSizeAt(int level) => level is >= 0 and < 3 ? PageSize << (10 * level) : 0;

        public override EditResult Map(ulong va, ulong pa, ulong size, PteFlags flags)
        {
            MapSizes.Add(size);
            return base.Map(va, pa, size, flags);
        }
    }

    private static void AssertPasses(string yaml)
    {
        var run = CliRun.OfOneScenario("sv39/fresh.yaml", yaml);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }
}
