using VmSpec.Core.Tlb;
using static VmSpec.Core.Tests.Tlb.TlbHarness;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>
/// The four forms of sfence.vma over the same contents: page A in ASIDs 1 and 2, page B in ASID 1,
/// a global page G, and a 2 MiB superpage S in ASID 1.
/// </summary>
public sealed class TlbFlushTests
{
    private const ulong A = 0x4000, B = 0x5000, G = 0x9000, S = 0x40_0000;

    private static Core.Tlb.Tlb Loaded() => Filled(new TlbOptions(),
        Leaf(A, asid: 1), Leaf(A, asid: 2), Leaf(B, asid: 1), Leaf(G, asid: 1, global: true), Leaf(S, asid: 1, shift: 21));

    /// <summary>Which of A@1, A@2, B@1, G@1, G@2 (the global seen from ASID 2), S@1 still hit.</summary>
    private static bool[] Survivors(Core.Tlb.Tlb tlb) =>
    [
        tlb.Hits(A, 1), tlb.Hits(A, 2), tlb.Hits(B, 1), tlb.Hits(G, 1), tlb.Hits(G, 2), tlb.Hits(S + 0x1234, 1),
    ];

    [Test]
    public void Without_arguments_everything_goes_globals_included()
    {
        var tlb = Loaded();

        tlb.Flush();

        Assert.That(tlb.Count, Is.Zero);
    }

    [Test]
    public void An_asid_alone_flushes_that_asids_own_entries_and_keeps_globals_and_other_asids()
    {
        var tlb = Loaded();

        tlb.Flush(asid: 1);

        Assert.That(Survivors(tlb), Is.EqualTo(new[] { false, true, false, true, true, false }));
    }

    [Test]
    public void A_va_alone_flushes_that_page_in_every_asid()
    {
        var tlb = Loaded();

        tlb.Flush(va: A + 0x10);

        Assert.That(Survivors(tlb), Is.EqualTo(new[] { false, false, true, true, true, true }));
    }

    [Test]
    public void A_va_alone_flushes_a_global_page_too()
    {
        var tlb = Loaded();

        tlb.Flush(va: G);

        Assert.That(Survivors(tlb), Is.EqualTo(new[] { true, true, true, false, false, true }));
    }

    [Test]
    public void A_va_inside_a_superpage_flushes_the_whole_superpage()
    {
        var tlb = Loaded();

        tlb.Flush(va: S + 0x1F_F000);

        Assert.That(Survivors(tlb), Is.EqualTo(new[] { true, true, true, true, true, false }));
    }

    [Test]
    public void A_va_and_an_asid_flush_that_page_of_that_asid_only()
    {
        var tlb = Loaded();

        tlb.Flush(va: A, asid: 1);

        Assert.That(Survivors(tlb), Is.EqualTo(new[] { false, true, true, true, true, true }));
    }

    [Test]
    public void A_va_and_an_asid_keep_a_global_entry_for_that_page()
    {
        var tlb = Loaded();

        tlb.Flush(va: G, asid: 1);

        Assert.That(Survivors(tlb), Is.EqualTo(new[] { true, true, true, true, true, true }));
    }
}
