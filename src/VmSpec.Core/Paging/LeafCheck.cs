using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// Steps 5 to 7 of the translation process, in the spec's order: permission, superpage alignment,
/// then A and D. The TLB's hit path uses <see cref="HitAllows"/>, so a cached leaf is judged by
/// the same permission rule as the PTE it was walked from.
/// </summary>
internal static class LeafCheck
{
    /// <summary>
    /// Judges a leaf. <paramref name="ppnAlignmentMask"/> covers the PPN fields a superpage must
    /// have clear (zero for a base page). On success <paramref name="updated"/> is the PTE with the
    /// A/D bits the hardware sets; it differs from <paramref name="leaf"/> only when memory must be written.
    /// </summary>
    public static FaultReason Judge(Pte leaf, in AccessContext context, ulong ppnAlignmentMask, out Pte updated)
    {
        updated = leaf;
        if (!LeafPermission.Allows(leaf.Flags, context.Type, context.Mode, context.Sum, context.Mxr))
            return FaultReason.Permission;
        if ((leaf.Ppn & ppnAlignmentMask) != 0)
            return FaultReason.MisalignedSuperpage;

        var needed = NeededAccessBits(context.Type);
        if ((leaf.Flags & needed) == needed)
            return FaultReason.None;
        if (context.Ad == AdMode.Fault)
            return leaf.A ? FaultReason.NotDirty : FaultReason.NotAccessed;
        updated = leaf.With(needed);
        return FaultReason.None;
    }

    /// <summary>
    /// May a cached leaf answer this access? A store needs D in the cached flags: without it the
    /// access misses and the walk sets D (or faults under Svade), as hardware must not store
    /// through a clean entry without marking the PTE.
    /// </summary>
    public static bool HitAllows(PteFlags cached, in AccessContext context) =>
        LeafPermission.Allows(cached, context.Type, context.Mode, context.Sum, context.Mxr)
        && (context.Type != AccessType.Write || (cached & PteFlags.D) != 0);

    private static PteFlags NeededAccessBits(AccessType type) =>
        type == AccessType.Write ? PteFlags.A | PteFlags.D : PteFlags.A;
}
