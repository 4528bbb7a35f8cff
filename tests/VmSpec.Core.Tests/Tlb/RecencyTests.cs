using CsCheck;
using VmSpec.Core.Tlb;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>The victim scan against the plain definition: the index of the first smallest stamp.</summary>
public sealed class RecencyTests
{
    [Test]
    public void Finds_the_first_smallest_stamp_of_any_set_size()
    {
        // Few distinct values, so ties (empty slots all stamp 0) are common; lengths cross every block boundary.
        Gen.Long[0, 6].Array[1, 70].Sample(stamps =>
        {
            var expected = Array.IndexOf(stamps, stamps.Min());
            Assert.That(Recency.Oldest(stamps), Is.EqualTo(expected), string.Join(",", stamps));
        }, iter: 20_000);
    }

    [TestCase(new long[] { 5 }, 0)]
    [TestCase(new long[] { 3, 1, 2, 1 }, 1)]
    [TestCase(new long[] { 9, 8, 7, 6, 5 }, 4, TestName = "The smallest only in the overlapping last block")]
    [TestCase(new long[] { 0, 0, 0, 0, 0, 0, 0, 0 }, 0, TestName = "All empty: the first slot")]
    public void Worked_cases(long[] stamps, int oldest) =>
        Assert.That(Recency.Oldest(stamps), Is.EqualTo(oldest));
}
