namespace VmSpec.Cli.Tests;

/// <summary>
/// A process's <c>load</c> and <c>store</c> move <c>size</c> bytes, little-endian, like those without
/// a pid: a narrow store leaves the bytes beside it as they were, and a narrow load reads only its own.
/// </summary>
public class ProcessDataSizeTests
{
    // The heap's first 8 bytes hold 0x8877_6655_4433_2211: byte 0 is 0x11, byte 7 is 0x88.
    [TestCase(1, "0xAA", "0x8877_6655_4433_22AA")]
    [TestCase(2, "0xAAAA", "0x8877_6655_4433_AAAA")]
    [TestCase(4, "0xAAAA_AAAA", "0x8877_6655_AAAA_AAAA")]
    public void A_narrow_store_by_a_process_writes_only_its_own_bytes(int size, string value, string after)
    {
        var run = CliRun.OfOneScenario("kernel/narrow-store.yaml", $$"""
            description: d
            mmu: [sv39]
            steps:
              - spawn: { pid: 1 }
              - sbrk: { pid: 1, bytes: 4KiB, as: heap }
              - store: { pid: 1, va: heap, value: 0x8877_6655_4433_2211 }
              - store: { pid: 1, va: heap, size: {{size}}, value: {{value}} }
              - load: { pid: 1, va: heap }
                expect: { value: {{after}} }
            """);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }

    [TestCase(1, "0x11")]
    [TestCase(2, "0x2211")]
    [TestCase(4, "0x4433_2211")]
    public void A_narrow_load_by_a_process_reads_only_its_own_bytes(int size, string value)
    {
        var run = CliRun.OfOneScenario("kernel/narrow-load.yaml", $$"""
            description: d
            mmu: [sv39]
            steps:
              - spawn: { pid: 1 }
              - sbrk: { pid: 1, bytes: 4KiB, as: heap }
              - store: { pid: 1, va: heap, value: 0x8877_6655_4433_2211 }
              - load: { pid: 1, va: heap, size: {{size}} }
                expect: { value: {{value}} }
            """);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }
}
