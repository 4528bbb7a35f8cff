using CsCheck;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Core.Tests.Paging;

/// <summary>The walk's one-comparison pointer test says what the step-by-step check says.</summary>
public sealed class UsablePointerTests
{
    [Test]
    public void Agrees_with_the_full_check_for_every_flag_byte_and_reserved_field()
    {
        for (var flags = 0UL; flags < 256; flags++)
            foreach (var reserved in new ulong[] { 0, 1, 0x200, 0x3FF })
                foreach (var rsw in new ulong[] { 0, 3 })
                {
                    var raw = reserved << Pte.ReservedShift | 0x12345UL << Pte.PpnShift | rsw << 8 | flags;
                    Assert.That(PteShape.IsUsablePointer(raw), Is.EqualTo(IsPointerByCheck(raw)), $"0x{raw:x16}");
                }
    }

    [Test]
    public void Agrees_with_the_full_check_on_random_entries() =>
        Gen.ULong.Sample(raw => PteShape.IsUsablePointer(raw) == IsPointerByCheck(raw), iter: 100_000);

    private static bool IsPointerByCheck(ulong raw) =>
        PteShape.Check(new Pte(raw), canPoint: true, out var isPointer) == FaultReason.None && isPointer;
}
