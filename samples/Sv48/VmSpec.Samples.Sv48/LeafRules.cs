using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Steps 5 to 7 of the translation process, in the spec's order: permission (the core's public
/// <see cref="LeafPermission"/>, so U, SUM and MXR read exactly as on Sv39), superpage alignment,
/// then A and D. The order matters: a misaligned leaf the access may not use is a permission fault.
/// </summary>
internal static class LeafRules
{
    /// <summary>
    /// Judges the leaf a walk found at <paramref name="level"/>. On success <paramref name="updated"/>
    /// is the PTE with the A/D bits the walk sets; it differs from <paramref name="leaf"/> only when
    /// memory must be written.
    /// </summary>
    public static FaultReason Judge(Pte leaf, int level, in AccessRules rules, out Pte updated)
    {
        updated = leaf;
        if (!LeafPermission.Allows(leaf.Flags, rules.Type, rules.Mode, rules.Sum, rules.Mxr))
            return FaultReason.Permission;
        if ((leaf.Ppn & Sv48Layout.SuperpageAlignmentMask(level)) != 0)
            return FaultReason.MisalignedSuperpage;

        var needed = NeededAccessBits(rules.Type);
        if ((leaf.Flags & needed) == needed)
            return FaultReason.None;

        // Svade: software keeps A and D, so the walk reports which one is missing, A first.
        if (rules.Ad == AdMode.Fault)
            return leaf.A ? FaultReason.NotDirty : FaultReason.NotAccessed;
        updated = leaf.With(needed);
        return FaultReason.None;
    }

    /// <summary>
    /// May a cached leaf answer this access? The same permission rule as the walk, and a store also
    /// needs D in the cached flags: without it the access must walk, so D gets set in memory (or
    /// the store faults under Svade) instead of going through a clean entry.
    /// </summary>
    public static bool HitAllows(PteFlags cached, in AccessRules rules) =>
        LeafPermission.Allows(cached, rules.Type, rules.Mode, rules.Sum, rules.Mxr)
        && (rules.Type != AccessType.Write || (cached & PteFlags.D) != 0);

    private static PteFlags NeededAccessBits(AccessType type) =>
        type == AccessType.Write ? PteFlags.A | PteFlags.D : PteFlags.A;
}
