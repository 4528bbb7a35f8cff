using CsCheck;
using VmSpec.Core.Paging;
using VmSpec.Core.Tlb;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>
/// Random inserts, lookups and flushes, on TLBs small enough that pages share hint slots and
/// sets, with duplicate pages across ASIDs, global entries and superpages over base pages: every
/// answer and replacement of the TLB is one <see cref="TlbModel"/> allows, and its change count
/// moves whenever an answer might.
/// </summary>
public sealed class TlbAgainstReferenceTests
{
    [Test]
    public void Lookups_replacement_and_flushes_are_ones_the_model_allows()
    {
        Gen.Select(GenOptions, GenOp.Array[1, 80]).Sample((options, ops) =>
        {
            var tlb = new Core.Tlb.Tlb(options);
            var model = new TlbModel(options);
            var frames = 0UL;
            foreach (var op in ops)
            {
                switch (op)
                {
                    case Insert insert:
                        var entry = WithOwnFrame(insert.Entry, ref frames);
                        Inserted(tlb, model, entry, () => tlb.Insert(entry), op);
                        break;
                    case InsertAfterMiss fill:
                        // As the MMU does: only for a page a lookup of this ASID has just missed.
                        var leaf = WithOwnFrame(fill.Entry, ref frames);
                        if (!LookedUp(tlb, model, leaf.Vpn << leaf.PageShift, leaf.Asid, op))
                            Inserted(tlb, model, leaf, () => tlb.InsertAfterMiss(leaf), op);
                        break;
                    case Lookup lookup:
                        LookedUp(tlb, model, lookup.Va, lookup.Asid, op);
                        break;
                    case Flush flush:
                        tlb.Flush(flush.Va, flush.Asid);
                        model.Flush(flush.Va, flush.Asid);
                        break;
                }
                // Which slot holds an entry is not part of the rules, only which entries are held.
                Assert.That(tlb.Entries, Is.EquivalentTo(model.Entries), op.ToString());
                Assert.That(tlb.Count, Is.EqualTo(model.Count), op.ToString());
            }
        }, iter: 5_000, threads: 1);
    }

    // A frame no other entry has, so the entry a lookup answers with, or an insert replaces, is
    // exactly one of the model's; 2 MiB apart, so aligned for either page size.
    private static TlbEntry WithOwnFrame(TlbEntry entry, ref ulong frames) =>
        entry with { PhysicalBase = 0x8000_0000UL + (frames++ << 21) };

    /// <summary>Whether the TLB hit; a hit must be on an entry the model allows, which the model then marks used too.</summary>
    private static bool LookedUp(Core.Tlb.Tlb tlb, TlbModel model, ulong va, ushort asid, Op op)
    {
        var allowed = model.Matching(va, asid);
        if (!tlb.TryLookup(va, asid, out var entry))
        {
            Assert.That(allowed, Is.Empty, $"{op}: missed va {va:x} for ASID {asid}");
            return false;
        }
        Assert.That(allowed, Does.Contain(entry), $"{op}: va {va:x} for ASID {asid} answered by {entry}");
        model.Used(entry);
        return true;
    }

    /// <summary>The entry the insert overwrote, found by what left the TLB, must be one the model allows; the model then overwrites it too.</summary>
    private static void Inserted(Core.Tlb.Tlb tlb, TlbModel model, TlbEntry entry, Action insert, Op op)
    {
        var gone = tlb.Entries.ToList();
        insert();
        foreach (var kept in tlb.Entries)
            gone.Remove(kept);
        Assert.That(gone, Has.Count.LessThanOrEqualTo(1), $"{op}: inserting {entry} dropped more than one entry");

        TlbEntry? replaced = gone.Count == 0 ? null : gone[0];
        Assert.That(model.Replaceable(entry), Does.Contain(replaced),
            $"{op}: inserting {entry} replaced {replaced?.ToString() ?? "an empty slot"}");
        model.Insert(entry, replaced);
    }

    [Test]
    public void While_the_change_count_stands_a_lookup_finds_the_slot_it_found_before()
    {
        Gen.Select(GenOptions, GenOp.Array[1, 80]).Sample((options, ops) =>
        {
            var changes = new ChangeCount();
            var tlb = new Core.Tlb.Tlb(options, changes);
            // By 4 KiB page: no page in these TLBs is smaller, so every address of one looks up alike.
            var seen = new Dictionary<(ulong Page, ushort Asid), (int Slot, long Count)>();
            foreach (var op in ops)
            {
                switch (op)
                {
                    case Insert insert:
                        tlb.Insert(insert.Entry);
                        break;
                    case InsertAfterMiss fill when tlb.LookupSlot(fill.Entry.Vpn << fill.Entry.PageShift, fill.Entry.Asid) < 0:
                        tlb.InsertAfterMiss(fill.Entry);
                        break;
                    case Lookup lookup:
                        var slot = tlb.LookupSlot(lookup.Va, lookup.Asid);
                        if (seen.TryGetValue((lookup.Va >> 12, lookup.Asid), out var before) && before.Count == changes.Value)
                            Assert.That(slot, Is.EqualTo(before.Slot), op.ToString());
                        seen[(lookup.Va >> 12, lookup.Asid)] = (slot, changes.Value);
                        break;
                    case Flush flush:
                        tlb.Flush(flush.Va, flush.Asid);
                        break;
                }
            }
        }, iter: 5_000, threads: 1);
    }

    [Test]
    public void A_lookup_that_moves_a_remembered_slot_changes_the_count()
    {
        // Page 0 is cached for ASID 1 and, globally, for ASID 2; page 16 shares its hint slot.
        var changes = new ChangeCount();
        var tlb = new Core.Tlb.Tlb(new TlbOptions(Entries: 4), changes);
        tlb.Insert(new TlbEntry(0, 12, 1, false, 0x8000_0000, PteFlags.V | PteFlags.R, 0));
        tlb.Insert(new TlbEntry(0, 12, 2, true, 0x8000_1000, PteFlags.V | PteFlags.R, 0));
        tlb.Insert(new TlbEntry(16, 12, 1, false, 0x8000_2000, PteFlags.V | PteFlags.R, 0));
        var forAsid1 = tlb.LookupSlot(0, 1);
        var count = changes.Value;

        tlb.LookupSlot(0, 2);

        // ASID 1 now finds the global entry first: an answer changed, so the count must have moved.
        Assert.That(tlb.LookupSlot(0, 1), Is.Not.EqualTo(forAsid1));
        Assert.That(changes.Value, Is.Not.EqualTo(count));
    }

    // Six entries in two ways make three sets, which the class accepts though the format asks for
    // a power of two: the set is still the VPN modulo the number of sets, not a mask of its low bits.
    private static readonly Gen<TlbOptions> GenOptions = Gen.Select(
        Gen.OneOf(1, 2, 4, 6, 8), Gen.Bool, Gen.Bool,
        (entries, twoWays, asidTagged) => new TlbOptions(entries, twoWays && entries > 1 ? 2 : null, asidTagged));

    // VPNs 8 apart share a hint slot in a small TLB; two page sizes, so a megapage can cover a base page.
    private static readonly Gen<ulong> GenVa = Gen.Select(Gen.OneOf(0UL, 1UL, 8UL, 9UL, 16UL, 512UL), Gen.ULong[0, 0xFFF],
        (page, offset) => (page << 12) | offset);

    private static readonly Gen<TlbEntry> GenEntry = Gen.Select(GenVa, Gen.OneOf(12, 21), Gen.UShort[0, 2], Gen.Int[0, 3], Gen.ULong[0, 3],
        (va, shift, asid, global, frame) => new TlbEntry(va >> shift, shift, asid, global == 0, (0x8000_0000UL + (frame << 21)) & ~((1UL << shift) - 1),
            PteFlags.V | PteFlags.R, shift == 12 ? 0 : 1));

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (3, GenEntry.Select(e => (Op)new Insert(e))),
        (2, GenEntry.Select(e => (Op)new InsertAfterMiss(e))),
        (6, Gen.Select(GenVa, Gen.UShort[0, 2], (va, asid) => (Op)new Lookup(va, asid))),
        (1, Gen.Select(GenVa, Gen.UShort[0, 2], Gen.Int[0, 3], (va, asid, form) =>
            (Op)new Flush((form & 1) != 0 ? va : null, (form & 2) != 0 ? asid : null))));

    private abstract record Op;

    private sealed record Insert(TlbEntry Entry) : Op;

    private sealed record InsertAfterMiss(TlbEntry Entry) : Op;

    private sealed record Lookup(ulong Va, ushort Asid) : Op;

    private sealed record Flush(ulong? Va, ushort? Asid) : Op;
}
