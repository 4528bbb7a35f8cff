namespace VmSpec.Cli.Tests;

/// <summary>
/// In a scenario with processes the kernel owns every page table: a raw edit would leave its books
/// wrong and a later kernel call would find tables it did not write, so the runner refuses the edit.
/// </summary>
public sealed class KernelOwnedTablesTests
{
    [TestCase("unmap: { va: heap }", "unmap", TestName = "An unmap under a kernel is refused")]
    [TestCase("map: { va: 0x20_0000, pa: 0x8030_0000, perm: rw }", "map", TestName = "A map under a kernel is refused")]
    [TestCase("pte: { va: heap, level: 0, value: 0 }", "pte", TestName = "A raw pte under a kernel is refused")]
    [TestCase("protect: { va: heap, perm: r }", "protect", TestName = "A protect under a kernel is refused")]
    [TestCase("space: { asid: 7 }", "space", TestName = "A space switch under a kernel is refused")]
    public void A_table_edit_in_a_scenario_with_processes_fails_at_its_step(string edit, string action)
    {
        var run = CliRun.OfOneScenario("kernel/edit.yaml", $"""
            description: A raw table edit among process steps.
            mmu: [sv39]
            steps:
              - spawn: {"{"} pid: 1 {"}"}
              - sbrk: {"{"} pid: 1, bytes: 4KiB, as: heap {"}"}
              - store: {"{"} pid: 1, va: heap, value: 1 {"}"}
              - {edit}
              - fork: {"{"} parent: 1, child: 2 {"}"}
            """);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain($"edit.yaml(7,5): '{action}' edits page tables, which the kernel owns"));
        Assert.That(run.Output, Does.Not.Contain("threw"));
    }

    [Test]
    public void An_sfence_under_a_kernel_changes_no_table_and_is_allowed()
    {
        var run = CliRun.OfOneScenario("kernel/sfence.yaml", """
            description: An sfence among process steps.
            mmu: [sv39]
            steps:
              - spawn: { pid: 1 }
              - sbrk: { pid: 1, bytes: 4KiB, as: heap }
              - store: { pid: 1, va: heap, value: 1 }
              - sfence: {}
              - load: { pid: 1, va: heap }
                expect: { value: 1 }
            """);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
    }
}
