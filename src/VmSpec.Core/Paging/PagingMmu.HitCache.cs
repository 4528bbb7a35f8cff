using System.Runtime.CompilerServices;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// The hit cache: a direct-mapped cache of recent TLB hits by 4 KiB virtual page, in front of the
/// TLB, after QEMU's softmmu fast path. A line is used only while everything it was derived from
/// stands, which the machine's <see cref="ChangeCount"/> tells in one comparison: the TLB's entries
/// and remembered slots (so a lookup of the page would still answer from the same slot), what backs
/// the frames (so the page still reads from the same host array) and the current address space. A
/// hit found here is then the hit a lookup would give, and it is counted and marks the slot used
/// just the same. Lines are filled only by lookups that hit, where the slot a lookup answers
/// from is known for sure (after a walk, the page's next access finds its new entry and fills
/// the line then), and only while every page in the TLB is at least 4 KiB and the address rule
/// cannot split a 4 KiB page, so that every address of the page looks up alike.
/// </summary>
public abstract partial class PagingMmu
{
    private bool _fillsHitLines;
    private HitLines _hitLines;

    private void ClearHitLines()
    {
        for (var i = 0; i < HitLines.Count; i++)
            _hitLines[i].VaPage = HitLine.NoPage;
    }

    /// <summary>Every access takes the full path from now on: the reference the hit cache is tested against.</summary>
    internal void BypassHitCache()
    {
        _fillsHitLines = false;
        ClearHitLines();
    }

    /// <summary>A rule that decides alike for every address of a 4 KiB page.</summary>
    private static bool DecidesWholePages(AddressRule rule) =>
        rule.Bits >= 64 || rule.Bits - (rule.SignExtended ? 1 : 0) >= HitLine.PageShift;

    /// <summary>
    /// The line that answers the access, counted as a TLB hit and its slot marked used; false, with
    /// nothing counted, when the access must take the full path. Lines know what their entry allows
    /// under the machine's SUM and MXR, so an access overriding either takes the full path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryCachedHit(in Access access, out int line)
    {
        var va = access.Address;
        line = HitLines.IndexOf(va);
        ref readonly var hit = ref _hitLines[line];
        if (!IsCachedHit(hit, va, access.Type, access.Mode, access.Sum.HasValue | access.Mxr.HasValue))
            return false;
        Tlb.Touch(hit.Slot);
        Counters.TlbHits++;
        return true;
    }

    /// <summary>Whether a line answers an access to va of this type and mode; <paramref name="overridesStatus"/> when it sets SUM or MXR.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsCachedHit(in HitLine hit, ulong va, AccessType type, PrivilegeMode mode, bool overridesStatus)
    {
        var kind = HitPermission.KindOf(type, mode);
        return hit.VaPage == (va & ~HitLine.OffsetMask) && hit.Stamp == _memory.Changes.Value
            && kind >= 0 && !overridesStatus && HitPermission.Allows(hit.Permits, kind);
    }

    /// <summary>Fills the line of va's page with <paramref name="slot"/>, the slot a lookup of va would answer from now.</summary>
    private void RememberHit(ulong va, int slot)
    {
        if (!_fillsHitLines || (Tlb.ShiftsPresent & HitLine.OffsetMask) != 0)
            return;
        ref readonly var entry = ref Tlb.EntryAt(slot);
        var vaPage = va & ~HitLine.OffsetMask;
        var pagePa = entry.Translate(vaPage);
        _hitLines[HitLines.IndexOf(va)] = new HitLine
        {
            VaPage = vaPage,
            Stamp = _memory.Changes.Value,
            Frame = _memory.FrameForReading(pagePa),
            PagePa = pagePa,
            PageSize = entry.PageSize,
            Slot = slot,
            Level = entry.Level,
            Permits = HitPermission.KindsAllowed(entry.Flags, _sum, _mxr),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Translation HitTranslation(in HitLine hit, ulong va) =>
        Translation.Success(hit.PagePa | (va & HitLine.OffsetMask), hit.Level, hit.PageSize, tlbHit: true, walk: null);
}
