using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// The hit cache answers by 4 KiB page, so it must stay out of the way of a format whose address
/// rule tells apart addresses of one 4 KiB page: there every access checks its own address.
/// </summary>
public sealed class HitCacheAddressRuleTests
{
    [Test]
    public void A_cached_page_does_not_answer_its_addresses_the_rule_refuses()
    {
        // Twelve sign-extended bits: 0x000..0x7FF are canonical, 0x800..0xFFF of the same page are not.
        var mmu = new TwelveBitCanonical(new Machine());
        const ulong frame = Ram + 0x10_0000;
        // Written into the table by hand: an edit refuses a page that leaves the address space.
        mmu.Machine.Memory.TryWriteUInt64(mmu.RootOf(0)!.Value, Leaf(frame, UserRwAd));
        mmu.Machine.Memory.TryWrite(frame, 8, 0);
        mmu.Load(Access.Read(0x10));
        Assert.That(mmu.Load(Access.Read(0x10)).Translation.TlbHit, Is.True);

        AssertFault(mmu.Load(Access.Read(0x900)).Translation, FaultKind.LoadPageFault, FaultReason.NonCanonical);
    }

    /// <summary>One table of 4 KiB pages under a 12-bit canonical rule: a format whose pages are wider than its addresses.</summary>
    private sealed class TwelveBitCanonical : PagingMmu
    {
        public TwelveBitCanonical(Machine machine)
            : base(machine, [], AddressRule.Canonical(12)) => StartFirstSpace();

        public override string Kind => "twelve-bit-canonical";

        public override ulong PageSize => 4096;

        public override int Levels => 1;

        protected override int PageShiftAt(int level) => 12;

        protected override WalkOutcome Descend(AddressSpace space, ulong va, Walk? walk)
        {
            var address = Slot(space, va);
            if (!TryReadPte(address, out var raw))
                return WalkOutcome.OutsideRam(0, address, pteReads: 0);
            var pte = new Pte(raw);
            return pte.V && pte.IsLeaf
                ? WalkOutcome.Leaf(0, address, pte, pteReads: 1)
                : WalkOutcome.PageFault(FaultReason.Invalid, 0, address, pte, pteReads: 1);
        }

        protected override TableProbe Probe(AddressSpace space, ulong va, int targetLevel)
        {
            var address = Slot(space, va);
            Machine.Memory.TryReadUInt64(address, out var raw);
            return new TableProbe(0, address, new Pte(raw));
        }

        public override string Dump() => "";

        private static ulong Slot(AddressSpace space, ulong va) => space.Root + ((va >> 12) & 0x1FF) * Pte.Size;
    }
}
