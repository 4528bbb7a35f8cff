using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// Loads and stores fused with translation: a hit in the hit cache reads or writes the host array
/// of the page's frame directly; anything else takes the full translation and the memory's own
/// checks. Results and counters are those of <see cref="MemoryPath.TranslateAndLoad"/> and
/// <see cref="MemoryPath.TranslateAndStore"/>.
/// </summary>
public abstract partial class PagingMmu
{
    /// <summary>
    /// <see cref="IMmu.Load"/>. Small enough to inline, for the common case only: an 8-byte load
    /// within one page that the hit cache answers. A caller that uses only part of the result then
    /// pays for no more than that part; everything else goes out of line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MemoryResult Load(in Access access, int size = 8)
    {
        var va = access.Address;
        ref readonly var hit = ref _hitLines[HitLines.IndexOf(va)];
        var offset = (int)(va & HitLine.OffsetMask);
        if (size != sizeof(ulong) || offset > (int)PhysicalMemory.FrameSize - sizeof(ulong) || hit.Frame is not { } frame
            || !IsCachedHit(hit, va, access.Type, access.Mode, access.Sum.HasValue | access.Mxr.HasValue))
            return LoadOutOfLine(va, access.Type, access.Mode, StatusOverride.Pack(access.Sum, access.Mxr), size);
        Tlb.Touch(hit.Slot);
        Counters.TlbHits++;
        return new(HitTranslation(hit, va), BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(frame, offset, sizeof(ulong))));
    }

    /// <summary>
    /// The rest of <see cref="Load"/>: any size, any line, or the full translation. It takes the
    /// access in parts (a paging MMU has no use for a selector) so that the caller need not copy
    /// the whole struct onto the stack, wider than it wrote it, on its way here; SUM and MXR come
    /// packed in one integer (<see cref="StatusOverride"/>) for the same reason.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private MemoryResult LoadOutOfLine(ulong va, AccessType type, PrivilegeMode mode, int overrides, int size)
    {
        AccessSize.Check(size);
        var access = new Access(va, type, mode, StatusOverride.Sum(overrides), StatusOverride.Mxr(overrides));
        if (TryCachedHit(access, out var line))
        {
            ref readonly var hit = ref _hitLines[line];
            if (hit.Frame is not { } frame || !FrameBytes.TryRead(frame, (int)(va & HitLine.OffsetMask), size, out var value))
                return ReadRamAfterHit(hit, access, size);
            return new(HitTranslation(hit, va), value);
        }

        var translation = TranslateMissed(access);
        return translation.IsFault ? new(translation, 0) : ReadRam(translation, access, size);
    }

    /// <summary><see cref="IMmu.Store"/>, through the hit cache when it answers.</summary>
    public MemoryResult Store(in Access access, ulong value, int size = 8)
    {
        AccessSize.Check(size);
        if (!TryCachedHit(access, out var line))
        {
            var translation = TranslateMissed(access);
            return translation.IsFault ? new(translation, 0) : WriteRam(translation, access, value, size);
        }
        ref readonly var hit = ref _hitLines[line];
        var va = access.Address;
        if (hit.Frame is not { } frame || frame == PhysicalMemory.Zeros
            || !FrameBytes.TryWrite(frame, (int)(va & HitLine.OffsetMask), size, value))
            return WriteRamAfterHit(hit, access, value, size);
        return new(HitTranslation(hit, va), value);
    }

    // Out of line, so the hit path keeps no Translation of its own on the stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private MemoryResult ReadRamAfterHit(in HitLine hit, in Access access, int size) =>
        ReadRam(HitTranslation(hit, access.Address), access, size);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private MemoryResult WriteRamAfterHit(in HitLine hit, in Access access, ulong value, int size) =>
        WriteRam(HitTranslation(hit, access.Address), access, value, size);

    /// <summary>
    /// The memory's own read, for what the host arrays do not serve: straddling or odd sizes,
    /// addresses outside RAM, a miss. An access that runs onto the next page is split there.
    /// </summary>
    private MemoryResult ReadRam(in Translation translation, in Access access, int size)
    {
        if (PageCrossing.Splits(access.Address, translation.PageSize, size))
            return PageCrossing.Read(this, access, translation, size);
        return Memory.TryRead(translation.PhysicalAddress, size, out var value)
            ? Result(translation, value)
            : new(MemoryPath.OutsideRam(translation, access.Type), 0);
    }

    private MemoryResult WriteRam(in Translation translation, in Access access, ulong value, int size)
    {
        if (PageCrossing.Splits(access.Address, translation.PageSize, size))
            return PageCrossing.Write(this, access, translation, size, value);
        return Memory.TryWrite(translation.PhysicalAddress, size, value)
            ? Result(translation, value)
            : new(MemoryPath.OutsideRam(translation, access.Type), 0);
    }

    /// <summary>
    /// A result holding a translation that a call just returned. Copied a field at a time: the
    /// callee wrote it that way, and a block copy would read it back wider, stalling store forwarding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MemoryResult Result(in Translation translation, ulong value) => new(new Translation
    {
        PhysicalAddress = translation.PhysicalAddress,
        Fault = translation.Fault,
        Reason = translation.Reason,
        TlbHit = translation.TlbHit,
        Level = translation.Level,
        PageSize = translation.PageSize,
        Walk = translation.Walk,
    }, value);
}
