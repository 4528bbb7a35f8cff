using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Samples.Sv48.Tests.Sv48Kit;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>
/// Bits 63..48 must equal bit 47. Each non-canonical case has a mapped canonical twin with the
/// same low 48 bits, so a walk that skipped the check would index a real leaf and translate.
/// </summary>
public class CanonicalTests
{
    [TestCase(0x0000_7fff_ffff_f000UL, TestName = "Top page of the low half")]
    [TestCase(0xffff_8000_0000_0000UL, TestName = "Bottom page of the high half")]
    [TestCase(0xffff_ffff_ffff_f000UL, TestName = "Top page of the high half")]
    [TestCase(0x0000_0040_0000_0000UL, TestName = "Bit 38 set: non-canonical on Sv39, canonical on Sv48")]
    public void Canonical_pages_map_and_translate(ulong page)
    {
        var mmu = Mmu();
        Assert.That(mmu.Map(page, Data, 4096, UserRw).IsOk, Is.True);

        Assert.That(mmu.Read(page + 0xfff).PhysicalAddress, Is.EqualTo(Data + 0xfff));
    }

    [TestCase(0x0000_8000_0000_0000UL, 0xffff_8000_0000_0000UL, TestName = "Bit 47 set, bits 63..48 clear")]
    [TestCase(0xffff_7fff_ffff_f000UL, 0x0000_7fff_ffff_f000UL, TestName = "Bit 47 clear, bits 63..48 set")]
    [TestCase(0x0001_0000_0000_1000UL, 0x0000_0000_0000_1000UL, TestName = "Bit 48 alone set")]
    [TestCase(0x8000_0000_0000_1000UL, 0x0000_0000_0000_1000UL, TestName = "Bit 63 alone set")]
    [TestCase(0x1234_5678_9abc_d000UL, 0x0000_5678_9abc_d000UL, TestName = "Bits 63..48 mixed")]
    public void Non_canonical_addresses_fault_even_with_their_twin_mapped(ulong va, ulong twin)
    {
        var mmu = Mmu();
        Assert.That(mmu.Map(twin, Data, 4096, UserRw | PteFlags.X).IsOk, Is.True);
        Assert.That(mmu.Read(twin).IsFault, Is.False, "the twin translates");

        Assert.Multiple(() =>
        {
            Assert.That(mmu.Read(va), Is.EqualTo(Translation.Faulted(FaultKind.LoadPageFault, FaultReason.NonCanonical, -1)));
            Assert.That(mmu.Write(va).Fault, Is.EqualTo(FaultKind.StorePageFault));
            Assert.That(mmu.Execute(va).Fault, Is.EqualTo(FaultKind.InstructionPageFault));
        });
    }

    [Test]
    public void A_non_canonical_address_costs_no_TLB_lookup_and_no_walk()
    {
        var mmu = Mmu();
        mmu.Read(0x0000_8000_0000_0000);

        Assert.That((mmu.Counters.TlbHits, mmu.Counters.TlbMisses, mmu.Counters.Walks), Is.EqualTo((0L, 0L, 0L)));
    }

    [Test]
    public void Edits_refuse_non_canonical_addresses_and_ranges_across_the_hole()
    {
        var mmu = Mmu();
        Assert.Multiple(() =>
        {
            Assert.That(mmu.Map(0x0000_8000_0000_0000, Data, 4096, UserRw).Status, Is.EqualTo(EditStatus.Invalid));
            Assert.That(mmu.Map(0x0000_7fff_ffff_f000, Data, 8192, UserRw).Status, Is.EqualTo(EditStatus.Invalid), "crosses into the hole");
            Assert.That(mmu.WritePte(0xffff_7fff_ffff_f000, 0, Leaf(Data, UserRw)).Status, Is.EqualTo(EditStatus.Invalid));
            Assert.That(mmu.Unmap(0x0000_7fff_ffff_f000, 0xffff_8000_0000_0000 - 0x0000_7fff_ffff_f000 + 4096).Status, Is.EqualTo(EditStatus.Invalid));
        });
        Assert.That(mmu.TableFrames(0), Is.EqualTo(1), "nothing was built for a refused edit");
    }

    [Test]
    public void Sign_extension_copies_bit_47()
    {
        Assert.That(Canonical.SignExtend(0x0000_8000_0000_0000), Is.EqualTo(0xffff_8000_0000_0000));
        Assert.That(Canonical.SignExtend(0x0000_7fff_ffff_ffff), Is.EqualTo(0x0000_7fff_ffff_ffffUL));
    }
}
