using VmSpec.Core.Paging;

namespace VmSpec.Core.Tests.Paging;

/// <summary>Which ranges a table format can hold whole: both ends valid, and a canonical range on one side of the hole.</summary>
public sealed class AddressRuleTests
{
    [TestCase(39, 0x0UL, 0x3F_FFFF_FFFFUL, true, TestName = "Sv39: the whole low half")]
    [TestCase(39, 0xFFFF_FFC0_0000_0000UL, ulong.MaxValue, true, TestName = "Sv39: the whole high half")]
    [TestCase(39, 0x3F_FFFF_F000UL, 0xFFFF_FFC0_0000_0FFFUL, false, TestName = "Sv39: both ends canonical, the hole between")]
    [TestCase(39, 0x3F_FFFF_F000UL, 0x40_0000_0FFFUL, false, TestName = "Sv39: the last address non-canonical")]
    [TestCase(48, 0x7FFF_FFFF_F000UL, 0xFFFF_8000_0000_0FFFUL, false, TestName = "Sv48: both ends canonical, the hole between")]
    [TestCase(64, 0x7FFF_FFFF_FFFF_F000UL, 0x8000_0000_0000_0FFFUL, true, TestName = "64 bits: no hole to cross")]
    public void A_canonical_rule_covers_a_range_only_on_one_side_of_the_hole(int bits, ulong first, ulong last, bool covered) =>
        Assert.That(AddressRule.Canonical(bits).Covers(first, last), Is.EqualTo(covered));

    [TestCase(0x0UL, 0xFFFF_FFFFUL, true)]
    [TestCase(0x0UL, 0x1_0000_0000UL, false)]
    public void A_rule_below_a_bound_covers_a_range_whose_last_address_is_below_it(ulong first, ulong last, bool covered) =>
        Assert.That(AddressRule.Below(32).Covers(first, last), Is.EqualTo(covered));
}
