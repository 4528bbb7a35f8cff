using CsCheck;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// Loads and stores of every size at every offset over a window of pages, each mapped read-write,
/// read-only or not at all, to frames in reverse order with a gap after each, against a model of
/// bytes: byte i of an access is byte i of its own page, the first byte whose page refuses the access
/// names the fault, and a store that faults changes nothing. The gaps must stay zero: a byte read or
/// written through the frame after a page's own would land there.
/// </summary>
public sealed class PageCrossingPropertyTests
{
    private const int WindowPages = 6;
    private const ulong FrameBase = Ram + 0x4_0000;
    private const ulong FrameSize = 0x1000;

    // Each page's frame is followed by a frame no page maps: the gap.
    private const ulong FrameStride = 2 * FrameSize;

    private enum PageState { Unmapped, ReadOnly, ReadWrite }

    private sealed record Op(bool Store, ulong Offset, int Size, ulong Value)
    {
        public override string ToString() => Store ? $"store {Size} at +0x{Offset:x} of 0x{Value:x}" : $"load {Size} at +0x{Offset:x}";
    }

    [TestCase(4096UL, false)]
    [TestCase(4096UL, true)]
    [TestCase(16UL, true)]
    [TestCase(8UL, true)]
    public void Every_byte_of_an_access_goes_through_its_own_page(ulong pageSize, bool singleLevel)
    {
        var window = WindowPages * pageSize;
        // Anywhere in the window, or a few bytes before the end of one of its pages (the last runs
        // onto a page nothing maps), so that large pages are crossed as often as small ones.
        var genOffset = Gen.OneOf(
            Gen.ULong[0, window - 1],
            Gen.Select(Gen.ULong[1, WindowPages], Gen.ULong[1, 7], (page, back) => page * pageSize - back));
        var genOp = Gen.Select(Gen.Bool, genOffset, Gen.OneOf(1, 2, 4, 8), Gen.ULong,
            (store, offset, size, value) => new Op(store, offset, size, value));
        Gen.Select(Gen.Enum<PageState>().Array[WindowPages], genOp.Array[1, 40]).Sample((pages, ops) =>
        {
            IPagingMmu mmu = singleLevel ? SingleLevel(pageSize, vaBits: 16) : Sv39();
            var vaBase = 4 * pageSize;
            var model = new byte[WindowPages][];
            for (var p = 0; p < WindowPages; p++)
            {
                model[p] = new byte[pageSize];
                for (var frame = FrameOf(p); frame < FrameOf(p) + FrameStride; frame += FrameSize)
                    mmu.Machine.Memory.ZeroFrame(frame);
                if (pages[p] != PageState.Unmapped)
                    AssertOk(mmu.Map(vaBase + (ulong)p * pageSize, FrameOf(p), pageSize,
                        pages[p] == PageState.ReadWrite ? UserRwAd : PteFlags.R | PteFlags.U | PteFlags.A));
            }

            foreach (var op in ops)
            {
                var (expectedFault, expectedReason) = FirstRefusal(pages, op, pageSize);
                var access = op.Store ? Access.Write(vaBase + op.Offset) : Access.Read(vaBase + op.Offset);
                var result = op.Store ? mmu.Store(access, op.Value, op.Size) : mmu.Load(access, op.Size);
                Assert.That((result.Translation.Fault, result.Translation.Reason), Is.EqualTo((expectedFault, expectedReason)), op.ToString());
                if (expectedFault != FaultKind.None)
                    continue;
                var value = op.Value;
                var read = 0UL;
                for (var i = 0; i < op.Size; i++, value >>= 8)
                {
                    var (page, at) = Byte(op.Offset + (ulong)i, pageSize);
                    if (op.Store)
                        model[page][at] = (byte)value;
                    read |= (ulong)model[page][at] << (8 * i);
                }
                if (!op.Store)
                    Assert.That(result.Value, Is.EqualTo(read), op.ToString());
            }

            for (var p = 0; p < WindowPages; p++)
            {
                Assert.That(Bytes(mmu, FrameOf(p), pageSize), Is.EqualTo(model[p]), $"page {p}");
                var stray = Array.FindIndex(Bytes(mmu, FrameOf(p) + pageSize, FrameStride - pageSize), b => b != 0);
                Assert.That(stray, Is.EqualTo(-1), $"the byte at 0x{FrameOf(p) + pageSize + (ulong)stray:x}, after page {p}'s own, was written");
            }
        }, iter: 400);
    }

    private static ulong FrameOf(int page) => FrameBase + (ulong)(WindowPages - 1 - page) * FrameStride;

    private static (int Page, int At) Byte(ulong offset, ulong pageSize) => ((int)(offset / pageSize), (int)(offset % pageSize));

    /// <summary>The fault of the first byte whose page refuses the access, in byte order; none when every page allows it.</summary>
    private static (FaultKind, FaultReason) FirstRefusal(PageState[] pages, Op op, ulong pageSize)
    {
        for (var i = 0; i < op.Size; i++)
        {
            var (page, _) = Byte(op.Offset + (ulong)i, pageSize);
            var state = page < WindowPages ? pages[page] : PageState.Unmapped;
            var kind = op.Store ? FaultKind.StorePageFault : FaultKind.LoadPageFault;
            if (state == PageState.Unmapped)
                return (kind, FaultReason.Invalid);
            if (op.Store && state == PageState.ReadOnly)
                return (kind, FaultReason.Permission);
        }
        return (FaultKind.None, FaultReason.None);
    }

    private static byte[] Bytes(IMmu mmu, ulong pa, ulong count)
    {
        var bytes = new byte[count];
        for (var i = 0UL; i < count; i++)
        {
            mmu.Machine.Memory.TryRead(pa + i, 1, out var b);
            bytes[i] = (byte)b;
        }
        return bytes;
    }
}
