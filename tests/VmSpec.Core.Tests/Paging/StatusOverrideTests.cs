using VmSpec.Core.Paging;

namespace VmSpec.Core.Tests.Paging;

public sealed class StatusOverrideTests
{
    private static readonly bool?[] Settings = [null, false, true];

    [Test]
    public void Every_pair_of_sum_and_mxr_overrides_comes_back_as_it_went_in()
    {
        foreach (var sum in Settings)
            foreach (var mxr in Settings)
            {
                var packed = StatusOverride.Pack(sum, mxr);
                Assert.That((StatusOverride.Sum(packed), StatusOverride.Mxr(packed)), Is.EqualTo((sum, mxr)), $"sum {sum}, mxr {mxr}");
            }
    }
}
