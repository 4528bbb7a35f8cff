using VmSpec.Core.Kernel;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>The eviction policy on its own: clock, second chance, pinned pages passed by.</summary>
public sealed class ResidentPagesTests
{
    private ResidentPages _ring = null!;
    private Page[] _pages = null!;

    [SetUp]
    public void AddAll()
    {
        // NUnit shares one fixture instance between tests, so each starts from a fresh ring.
        _ring = new ResidentPages();
        _pages = [new(0x1000, 0), new(0x2000, 0), new(0x3000, 0)];
        foreach (var page in _pages)
            _ring.Add(page);
    }

    [Test]
    public void With_every_bit_set_the_first_turn_clears_them_and_the_oldest_goes()
    {
        Assert.That(_ring.ChooseVictim(), Is.SameAs(_pages[0]));
        Assert.That(_pages.Select(page => page.Referenced), Is.All.False);
    }

    [Test]
    public void A_page_used_since_the_last_turn_gets_a_second_chance()
    {
        _ring.ChooseVictim();
        _pages[1].Referenced = true;

        Assert.That(_ring.ChooseVictim(), Is.SameAs(_pages[2]));
        Assert.That(_pages[1].Referenced, Is.False);
    }

    [Test]
    public void Pinned_pages_are_never_chosen()
    {
        foreach (var page in _pages)
            page.Pins++;

        Assert.That(_ring.ChooseVictim(), Is.Null);
    }

    [Test]
    public void A_pinned_page_the_hand_passes_keeps_its_bit()
    {
        _pages[0].Pins++;

        Assert.That(_ring.ChooseVictim(), Is.SameAs(_pages[1]));
        Assert.That(_pages[0].Referenced, Is.True, "once unpinned it still has its second chance");
    }

    [Test]
    public void A_page_that_arrives_mid_turn_enters_behind_the_hand_and_is_met_last()
    {
        _ring.ChooseVictim(); // the hand now points at the second page
        var newcomer = new Page(0x4000, 0);
        _ring.Add(newcomer);
        _pages[0].Referenced = true;
        _pages[1].Pins++;
        _pages[2].Pins++;

        // From the hand: the two pinned pages, the first page, then the newcomer; the turn clears
        // both bits, and the next one reaches the first page before the newcomer.
        Assert.That(_ring.ChooseVictim(), Is.SameAs(_pages[0]));
    }

    [Test]
    public void A_removed_page_is_not_chosen_and_the_hand_moves_on()
    {
        _ring.ChooseVictim();
        _ring.Remove(_pages[1]);

        Assert.That(_ring.ChooseVictim(), Is.SameAs(_pages[2]));
        Assert.That(_ring.Count, Is.EqualTo(2));
    }
}
