using VmSpec.Core.Tlb;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>Each set's slots, oldest fill first: what lets a full set's LRU victim be found without a scan.</summary>
public sealed class FillOrderTests
{
    [Test]
    public void Filling_the_oldest_slot_each_time_cycles_through_the_set()
    {
        var order = new FillOrder(sets: 1, ways: 3);

        var oldest = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            oldest.Add(order.Oldest(0));
            order.Filled(0, order.Oldest(0));
        }

        Assert.That(oldest, Is.EqualTo(new[] { 0, 1, 2, 0, 1, 2 }));
    }

    [Test]
    public void A_slot_filled_out_of_turn_becomes_the_newest_and_the_others_keep_their_order()
    {
        var order = new FillOrder(sets: 1, ways: 4);
        foreach (var slot in new[] { 0, 1, 2, 3 })
            order.Filled(0, slot);

        order.Filled(0, 1);

        Assert.That(Drain(order, 0, 4), Is.EqualTo(new[] { 0, 2, 3, 1 }));
    }

    [Test]
    public void Sets_keep_their_own_order()
    {
        var order = new FillOrder(sets: 2, ways: 2);
        order.Filled(1, 3);

        Assert.That((order.Oldest(0), order.Oldest(1)), Is.EqualTo((0, 2)));
    }

    /// <summary>The slots from oldest to newest, read by filling the oldest each time (which cycles the ring back).</summary>
    private static List<int> Drain(FillOrder order, int set, int ways)
    {
        var slots = new List<int>();
        for (var i = 0; i < ways; i++)
        {
            slots.Add(order.Oldest(set));
            order.Filled(set, order.Oldest(set));
        }
        return slots;
    }
}
