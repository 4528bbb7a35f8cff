namespace VmSpec.Generators.Tests;

/// <summary>Scenario texts the tests feed the generator.</summary>
internal static class Scenarios
{
    public const string MisalignedMegapage = """
        description: A level-1 leaf whose PPN[0] is not zero is a misaligned superpage and faults.
        spec: RISC-V Privileged, Sv39 walk step 6
        mmu: [sv39]
        requires: [superpages]
        tags: [walk, superpage]
        steps:
          - pte: { va: 0x4000_0000, level: 1, value: 0x2008_04D7 }   # PPN 0x80201, D A U W R V
          - read: 0x4000_1234
            expect: { fault: load-page-fault, reason: misaligned-superpage }
          - snapshot: after
        """;

    public const string SharedBySeveralKinds = """
        description: A plain 4 KiB mapping translates on both paging kinds.
        mmu: [sv39, single-level]
        tlb: { entries: 4, ways: 2 }
        steps:
          - map: { va: 0x1000, pa: 0x8000_2000, perm: rw }
          - write: 0x1234
            expect: { pa: 0x8000_2234, tlb: miss }
        """;

    public const string Segments = """
        description: An offset past the limit is a segmentation fault.
        mmu: [segmentation]
        segmentation: { mode: top-bits, address-bits: 16, selector-bits: 2 }
        steps:
          - segment: { selector: 1, base: 0x2000, limit: 0x1FF, perm: rw, grows: down }
          - read: 0x4000
            expect: { fault: segmentation-fault, reason: limit }
        """;

    /// <summary>Numbered so each of many files differs; the value keeps them all valid.</summary>
    public static string Numbered(int i) => $"""
        description: Scenario number {i}.
        mmu: [sv39]
        steps:
          - map: {"{"} va: 0x{i + 1:x}000, perm: r {"}"}
          - read: 0x{i + 1:x}010
        """;
}
