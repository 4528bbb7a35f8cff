using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Reports.Coverage;
using VmSpec.Runner.Targets;

namespace VmSpec.Reports.Tests.Coverage;

/// <summary>
/// The kernel's rules are read from what it did in each process step (the faults it served and
/// how, what it evicted, its signal or error), in the column of the MMU it ran on; the walks of its
/// loads and stores land in that MMU's own matrix.
/// </summary>
public class KernelClassificationTests
{
    private static List<string> Cells(string settings, string steps, string mmu = "sv39") =>
        CoverageProbe.Cells(KernelCoverageModel.Name, "kernel", $"description: probe\nmmu: [{mmu}]\n{settings}steps:\n{steps}");

    [Test]
    public void Each_successful_call_is_charted_as_its_own_rule()
    {
        var cells = Cells("", """
              - spawn: { pid: 1 }
              - mmap: { pid: 1, length: 4KiB, perm: rw, as: private }
              - mmap: { pid: 1, length: 4KiB, perm: rw, shared: true }
              - sbrk: { pid: 1, bytes: 8KiB }
              - sbrk: { pid: 1, bytes: -4KiB }
              - sbrk: { pid: 1, bytes: 0 }
              - fork: { parent: 1, child: 2 }
              - switch: { pid: 1 }
              - munmap: { pid: 1, va: private, length: 4KiB }
              - exit: { pid: 2 }
              - vfork: { parent: 1, child: 3 }
              - tick: 5
            """);

        Assert.That(cells, Is.EqualTo(new[]
        {
            "spawn sv39 U call", "mmap-private sv39 U call", "mmap-shared sv39 U call", "sbrk-grow sv39 U call",
            "sbrk-shrink sv39 U call", "fork sv39 U call", "switch sv39 U call", "munmap sv39 U call", "exit sv39 U call",
            "vfork sv39 U call",
        }));
    }

    [Test]
    public void Faults_are_charted_by_how_the_kernel_served_them()
    {
        var cells = Cells("", """
              - spawn: { pid: 1 }
              - mmap: { pid: 1, length: 8KiB, perm: rw, as: m }
              - mmap: { pid: 1, length: 4KiB, perm: rw, shared: true, as: s }
              - store: { pid: 1, va: m, value: 1 }
              - store: { pid: 1, va: m, value: 2 }
              - load: { pid: 1, va: m+0x1000 }
              - fork: { parent: 1, child: 2 }
              - store: { pid: 2, va: m, value: 3 }
              - store: { pid: 1, va: m, value: 4 }
              - load: { pid: 2, va: s }
              - load: { pid: 1, va: s }
            """);

        Assert.That(cells, Is.EqualTo(new[]
        {
            "spawn sv39 U call", "mmap-private sv39 U call", "mmap-shared sv39 U call",
            "lazy-zero-fill sv39 U W", "lazy-zero-fill sv39 U R", "fork sv39 U call",
            "cow-copy sv39 U W", "cow-last-holder sv39 U W", "lazy-zero-fill sv39 U R", "minor-fault sv39 U R",
        }));
    }

    [Test]
    public void The_clock_page_is_charted_for_a_load_and_for_the_store_it_refuses()
    {
        var cells = Cells("", """
              - spawn: { pid: 1 }
              - spawn: { pid: 2 }
              - load: { pid: 1, va: clock }
              - store: { pid: 1, va: clock, value: 1 }
                expect: { signal: SIGSEGV }
              - load: { pid: 2, va: 0x4000_0000 }
                expect: { signal: SIGSEGV }
            """);

        Assert.That(cells.Skip(2), Is.EqualTo(new[]
        {
            "clock-page sv39 U R", "clock-page sv39 U W", "sigsegv sv39 U W", "sigsegv sv39 U R",
        }));
    }

    [Test]
    public void Errors_and_sigkill_are_charted_on_the_step_that_met_them()
    {
        var cells = Cells("memory: 64KiB\n", """
              - spawn: { pid: 1 }
              - sbrk: { pid: 1, bytes: 64KiB }
                expect: { error: out-of-memory }
              - load: { pid: 9, va: clock }
                expect: { error: invalid }
              # 9 pages and the heap's L1 and L0 tables: the 11 frames left
              - sbrk: { pid: 1, bytes: 36KiB }
              - mmap: { pid: 1, length: 4KiB, perm: rw, as: m }
              - load: { pid: 1, va: m }
                expect: { signal: SIGKILL }
            """);

        Assert.That(cells, Is.EqualTo(new[]
        {
            "spawn sv39 U call", "out-of-memory sv39 U call", "invalid sv39 U R", "sbrk-grow sv39 U call",
            "mmap-private sv39 U call", "sigkill sv39 U R",
        }));
    }

    [Test]
    public void Eviction_and_swap_in_are_charted_on_the_access_or_call_that_caused_them()
    {
        // 16 frames: 2 for the kernel, 3 for the process's root and clock tables, 11 for the heap.
        var cells = Cells("memory: 64KiB\nkernel: { swap: 64KiB }\n", """
              - spawn: { pid: 1 }
              - sbrk: { pid: 1, bytes: 36KiB }
              - mmap: { pid: 1, length: 4KiB, perm: rw, as: m }
              - store: { pid: 1, va: m, value: 1 }
              - load: { pid: 1, va: m }
                expect: { value: 1 }
            """);

        Assert.That(cells, Is.EqualTo(new[]
        {
            "spawn sv39 U call", "sbrk-grow sv39 U call", "mmap-private sv39 U call", "lazy-zero-fill sv39 U W", "swap-out sv39 U W",
        }));
    }

    [Test]
    public void A_page_evicted_by_another_comes_back_on_its_next_touch()
    {
        var cells = Cells("memory: 64KiB\nkernel: { swap: 64KiB }\n", """
              - spawn: { pid: 1 }
              - sbrk: { pid: 1, bytes: 36KiB, as: heap }
              - mmap: { pid: 1, length: 8KiB, perm: rw, as: m }
              - store: { pid: 1, va: m, value: 1 }
              - store: { pid: 1, va: m+0x1000, value: 2 }
              - load: { pid: 1, va: heap }
              - load: { pid: 1, va: heap+0x1000 }
              - load: { pid: 1, va: heap+0x2000 }
              - load: { pid: 1, va: heap+0x3000 }
              - load: { pid: 1, va: heap+0x4000 }
              - load: { pid: 1, va: heap+0x5000 }
              - load: { pid: 1, va: heap+0x6000 }
              - load: { pid: 1, va: heap+0x7000 }
              - load: { pid: 1, va: heap+0x8000 }
              - load: { pid: 1, va: m }
                expect: { value: 1 }
            """);

        Assert.That(cells, Does.Contain("swap-out sv39 U W").And.Contain("swap-in sv39 U R"));
    }

    [Test]
    public void A_scenario_on_both_paging_kinds_fills_a_column_for_each()
    {
        var cells = Cells("paging: { va-bits: 24 }\n", """
              - spawn: { pid: 1 }
            """, mmu: "sv39, single-level");

        Assert.That(cells, Is.EqualTo(new[] { "spawn sv39 U call", "spawn single-level U call" }));
    }

    [Test]
    public void The_walks_of_the_kernels_loads_and_stores_are_charted_in_the_mmus_matrix()
    {
        var scenario = InlineScenarios.Parse("kernel", "probe", """
            description: probe
            mmu: [sv39]
            steps:
              - spawn: { pid: 1 }
              - mmap: { pid: 1, length: 4KiB, perm: rw, as: m }
              - store: { pid: 1, va: m, value: 1 }
              - load: { pid: 1, va: m }
            """);

        var run = CoverageProbe.Run(scenario);

        // The first store walks to the clock page's L0 table and finds no leaf; the kernel maps one
        // with A and D set, and the retried store translates; the load hits the entry it left.
        Assert.That(run.Points.Where(point => point.Kind == "sv39").Select(point => point.Cell.ToString()),
            Is.EqualTo(new[] { "invalid L0 U W", "translate L0 U W", "tlb-hit L0 U R" }));
    }

    [Test]
    public void The_kernel_has_a_column_only_for_kinds_its_scenarios_run_on_and_no_matrix_without_processes()
    {
        var sv39Only = InlineScenarios.Parse("kernel", "sv39-only", "description: d\nmmu: [sv39]\nsteps:\n  - spawn: { pid: 1 }\n");
        var noProcess = InlineScenarios.Parse("sv39", "plain", "description: d\nmmu: [sv39, single-level]\nsteps:\n  - read: 0x1000\n    expect: { fault: load-page-fault }\n");

        var withKernel = CoverageModels.For(BuiltInTargets.All, [sv39Only, noProcess], out _);
        var withoutKernel = CoverageModels.For(BuiltInTargets.All, [noProcess], out _);

        Assert.That(withKernel.OfType<KernelCoverageModel>().Single().Places, Is.EqualTo(new[] { "sv39" }));
        Assert.That(withoutKernel.OfType<KernelCoverageModel>(), Is.Empty);
    }

    [Test]
    public void A_plug_in_kind_named_kernel_is_left_uncharted_rather_than_sharing_the_kernels_matrix()
    {
        var target = new MmuTarget("clash", machine => new KernelNamedMmu(machine));
        var scenario = InlineScenarios.Parse("kernel", "named", "description: d\nmmu: [kernel, sv39]\nsteps:\n  - spawn: { pid: 1 }\n");

        var models = CoverageModels.For([.. BuiltInTargets.All, target], [scenario], out var uncharted);

        Assert.That(uncharted, Is.EqualTo(new[] { KernelCoverageModel.Name }));
        Assert.That(models.Select(model => model.Kind), Is.EqualTo(new[] { "sv39", KernelCoverageModel.Name }));
    }

    private sealed class KernelNamedMmu(Machine machine) : IMmu
    {
        public string Kind => KernelCoverageModel.Name;

        public IReadOnlySet<string> Features { get; } = new HashSet<string>();

        public Machine Machine { get; } = machine;

        public MmuCounters Counters { get; } = new();

        public Translation Translate(in Access access) => Translation.Success(access.Address, 0, 1, tlbHit: false, walk: null);

        public string Dump() => "";
    }
}
