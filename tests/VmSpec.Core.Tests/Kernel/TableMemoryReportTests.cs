using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

public sealed class TableMemoryReportTests
{
    [Test]
    public void A_sparse_address_space_costs_a_few_sv39_tables_and_the_whole_single_level_table()
    {
        // Two pages far apart: heap at the bottom, one touched mmap page under the clock page.
        var report = new Dictionary<string, long>();
        foreach (var kind in Kinds)
        {
            var kernel = Create(kind);
            kernel.Spawn(1, null).Ok();
            kernel.Sbrk(1, 4096).Ok();
            var va = kernel.Mmap(1, 4096, PteFlags.Rw, false).Ok();
            kernel.Store(1, va, 8, 1).Ok();
            var row = kernel.MemoryReport().Single();
            Assert.That((row.Pid, row.ResidentPages, row.MappedBytes), Is.EqualTo((1, 3L, 3 * 4096UL)));
            report[kind] = row.TableFrames;
        }

        // Sv39: root, then an L1 and an L0 for the heap and another pair for the top of space
        // (the mmap page shares the clock page's L0). Single-level: 2^24 / 4 KiB entries of 8 bytes.
        Assert.That(report[MmuKinds.Sv39], Is.EqualTo(5));
        Assert.That(report[MmuKinds.SingleLevel], Is.EqualTo((1L << (SingleLevelVaBits - 12)) * 8 / 4096));
    }

    [TestCaseSource(typeof(TestKernels), nameof(Kinds))]
    public void A_vfork_child_costs_nothing_of_its_own_so_the_rows_add_up_to_the_frames_used(string kind)
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 4096).Ok();
        kernel.Store(1, DefaultBreak, 8, 1).Ok();
        kernel.Vfork(1, 2).Ok();

        var stats = kernel.Stats();
        var rows = kernel.MemoryReport();

        Assert.That((stats.TableFramesByPid[2], rows[1].TableFrames, rows[1].ResidentPages), Is.EqualTo((0L, 0L, 0L)));
        Assert.That(rows[1].MappedBytes, Is.EqualTo(rows[0].MappedBytes), "the child reaches what its parent maps");
        // A row's resident pages include the clock page, a frame the kernel holds, so an owner's row counts it once more.
        var owners = rows.Count(row => row.ResidentPages > 0);
        Assert.That(stats.KernelFrames + rows.Sum(row => row.TableFrames + row.ResidentPages) - owners, Is.EqualTo(stats.UsedFrames),
            "every used frame is the kernel's, or one process's table or page");
    }

    [TestCaseSource(typeof(TestKernels), nameof(Kinds))]
    public void A_vfork_child_shows_none_of_its_parent_s_swapped_pages(string kind)
    {
        var kernel = Create(kind, ramSize: 256 * 1024, swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 60 * 4096, PteFlags.Rw, false).Ok();
        for (var page = 0UL; page < 60; page++)
            kernel.Store(1, va + page * 4096, 8, page).Ok(); // RAM holds fewer: some go to swap
        kernel.Vfork(1, 2).Ok();

        var rows = kernel.MemoryReport();

        Assert.That(rows[0].SwappedPages, Is.EqualTo(kernel.Stats().SwapSlotsUsed), "the parent's row counts its pages in swap");
        Assert.That(rows[1].SwappedPages, Is.Zero, "they are counted in the parent's row only");
    }
}
