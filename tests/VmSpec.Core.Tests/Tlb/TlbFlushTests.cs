using VmSpec.Core.Tlb;
using static VmSpec.Core.Tests.Tlb.TlbHarness;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>
/// The four forms of sfence.vma over the same contents: page A in ASIDs 1 and 2, page B in ASID 1,
/// a global page G, and a 2 MiB superpage S in ASID 1. Each case lists which of them still hit.
/// </summary>
public sealed class TlbFlushTests
{
    private const ulong A = 0x4000, B = 0x5000, G = 0x9000, S = 0x40_0000;

    private static IEnumerable<TestCaseData> Forms()
    {
        // Survivors, in order: A@1, A@2, B@1, G@1, G@2 (the global seen from ASID 2), S@1.
        yield return Case(null, null, [false, false, false, false, false, false], "neither: everything, globals included");
        yield return Case(null, 1, [false, true, false, true, true, false], "asid only: its own entries; globals and other ASIDs stay");
        yield return Case(A + 0x10, null, [false, false, true, true, true, true], "va only: that page in every ASID");
        yield return Case(G, null, [true, true, true, false, false, true], "va only: a global page too");
        yield return Case(S + 0x1F_F000, null, [true, true, true, true, true, false], "va only: the whole superpage around it");
        yield return Case(A, 1, [false, true, true, true, true, true], "both: that page of that ASID only");
        yield return Case(G, 1, [true, true, true, true, true, true], "both: not a global entry");
    }

    [TestCaseSource(nameof(Forms))]
    public void Sfence_vma_removes_exactly_what_its_form_names(ulong? va, int? asid, bool[] survivors)
    {
        var tlb = Filled(new TlbOptions(),
            Leaf(A, asid: 1), Leaf(A, asid: 2), Leaf(B, asid: 1), Leaf(G, asid: 1, global: true), Leaf(S, asid: 1, shift: 21));

        tlb.Flush(va, (ushort?)asid);

        Assert.That(new[] { tlb.Hits(A, 1), tlb.Hits(A, 2), tlb.Hits(B, 1), tlb.Hits(G, 1), tlb.Hits(G, 2), tlb.Hits(S + 0x1234, 1) },
            Is.EqualTo(survivors));
    }

    private static TestCaseData Case(ulong? va, int? asid, bool[] survivors, string name) =>
        new TestCaseData(va, asid, survivors).SetName(name);
}
