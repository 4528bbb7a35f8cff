using VmSpec.Core.Paging;
using VmSpec.Core.Tlb;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>Entries and lookups phrased by page, so each test reads as the pages it caches.</summary>
internal static class TlbHarness
{
    public const int Page = 12;

    /// <summary>A leaf for the page of <paramref name="va"/>; its physical base is tagged by ASID so a hit shows whose entry answered.</summary>
    public static TlbEntry Leaf(ulong va, ushort asid = 0, bool global = false, int shift = Page) =>
        new(va >> shift, shift, asid, global, PhysicalFor(va, asid, shift), PteFlags.V | PteFlags.R, shift == Page ? 0 : (shift - Page) / 9);

    public static ulong PhysicalFor(ulong va, ushort asid, int shift = Page) =>
        (0x8000_0000UL + ((ulong)asid << 32) + (va >> shift << shift)) & ~((1UL << shift) - 1);

    public static Core.Tlb.Tlb Filled(TlbOptions options, params TlbEntry[] entries)
    {
        var tlb = new Core.Tlb.Tlb(options);
        foreach (var entry in entries)
            tlb.Insert(entry);
        return tlb;
    }

    public static bool Hits(this Core.Tlb.Tlb tlb, ulong va, ushort asid = 0) => tlb.TryLookup(va, asid, out _);

    /// <summary>The physical address the TLB gives, or null on a miss.</summary>
    public static ulong? Lookup(this Core.Tlb.Tlb tlb, ulong va, ushort asid = 0) =>
        tlb.TryLookup(va, asid, out var entry) ? entry.Translate(va) : null;
}
