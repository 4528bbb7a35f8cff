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
}
