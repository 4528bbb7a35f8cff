using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Runner.Results;
using static VmSpec.Reports.Coverage.RadixRules;

namespace VmSpec.Reports.Coverage;

/// <summary>
/// Coverage of a RISC-V radix format (Sv39, or a plug-in's Sv48): rule × level (L2, L1, L0 for
/// Sv39, or none before the walk) × U/S × R/W/X. A fault's rule comes from its reason and, where
/// one reason covers several rules (reserved, permission), from the entry the walk stopped at; a
/// success adds the rules that let it through (SUM, MXR, the walk setting A or D).
/// </summary>
public sealed class RadixCoverageModel : CoverageModel
{
    private readonly RadixRules _rules;

    /// <summary>The model for MMUs of <paramref name="kind"/> walking <paramref name="levels"/> levels.</summary>
    public RadixCoverageModel(string kind, int levels)
    {
        Kind = kind;
        _rules = new RadixRules(levels);
        Places = [.. _rules.Levels, NoPlace];
    }

    /// <summary>The model of the built-in Sv39 MMU.</summary>
    public static RadixCoverageModel Sv39 { get; } = new(MmuKinds.Sv39, 3);

    public override string Kind { get; }

    public override string PlaceAxis => "level";

    public override IReadOnlyList<string> Places { get; }

    public override IReadOnlyList<string> Modes { get; } = [User, Supervisor];

    public override IReadOnlyList<CoverageRule> Rules => _rules.All;

    public override IEnumerable<CoverageCell> Classify(AccessRecord record)
    {
        var translation = record.Translation;
        var levels = _rules.Levels;
        var place = translation.Level >= 0 && translation.Level < levels.Length ? levels[levels.Length - 1 - translation.Level] : NoPlace;
        var mode = ModeOf(record.Access.Mode);
        var op = OpOf(record.Access.Type);
        return RulesOf(record, translation).Select(rule => new CoverageCell(rule, place, mode, op));
    }

    private static IEnumerable<string> RulesOf(AccessRecord record, Translation translation)
    {
        if (translation.TlbHit && !translation.IsFault)
            return HitRules(record);
        if (!translation.IsFault)
            return StepAt(translation, translation.Level) is { } leaf ? SuccessRules(record, new Pte(leaf.Value)) : [Translate];
        return FaultRule(record, translation) is { } rule ? [rule] : [];
    }

    private static IEnumerable<string> HitRules(AccessRecord record)
    {
        yield return TlbHit;
        if (GlobalEntryOfAnotherSpaceAnswered(record))
            yield return GlobalAcrossAsids;
    }

    private static IEnumerable<string> SuccessRules(AccessRecord record, Pte leaf)
    {
        yield return Translate;
        var access = record.Access;
        if (access.Mode == PrivilegeMode.Supervisor && leaf.U)
            yield return SumAllows;
        if (access.Type == AccessType.Read && !leaf.R && leaf.X)
            yield return MxrAllows;
        if (record.Ad == AdMode.Hardware && !leaf.A)
            yield return HardwareSetsA;
        if (record.Ad == AdMode.Hardware && access.Type == AccessType.Write && !leaf.D)
            yield return HardwareSetsD;
    }

    private static string? FaultRule(AccessRecord record, Translation translation)
    {
        var entry = StepAt(translation, translation.Level) is { } step ? new Pte(step.Value) : (Pte?)null;
        return translation.Reason switch
        {
            FaultReason.NonCanonical => NonCanonical,
            FaultReason.Invalid => Invalid,
            FaultReason.NoLeaf => PointerAtLevel0,
            FaultReason.MisalignedSuperpage => MisalignedSuperpage,
            FaultReason.NotAccessed => SvadeA,
            FaultReason.NotDirty => SvadeD,
            // A PTE read outside RAM leaves no entry at its level; a data access there has its leaf.
            FaultReason.OutsideRam when entry is null && translation.Walk is not null => PteAccessFault,
            FaultReason.Reserved when entry is { } pte => ReservedRule(pte),
            FaultReason.Permission when entry is { } pte => PermissionRule(record, pte),
            _ => null,
        };
    }

    /// <summary>
    /// The reserved encoding that alone made the entry reserved. An entry with two (bits 63..54 and
    /// W without R, or W without R on an entry that, read as a pointer, has D, A or U) would fault
    /// reserved without either check, so it proves neither and lands in no row. (A W-without-R entry
    /// read as a pointer at level 0 would fault no-leaf instead: a different reason, so it still counts.)
    /// </summary>
    private static string? ReservedRule(Pte pte)
    {
        const PteFlags adu = PteFlags.A | PteFlags.D | PteFlags.U;
        var causes = new List<string>(2);
        if (pte.ReservedBits != 0)
            causes.Add(ReservedBits);
        if (pte.IsWriteWithoutRead)
            causes.Add(WriteWithoutRead);
        // Read as a pointer (R and X clear, W aside), D, A or U is reserved too (step 3).
        if (!pte.R && !pte.X && (pte.Flags & adu) != 0)
            causes.Add(PointerAdu);
        return causes.Count == 1 ? causes[0] : null;
    }

    /// <summary>
    /// The rule that alone denied the access. A U-bit rule counts only where R/W/X (and MXR) would
    /// have let the access through: a fault with both causes would still fault without either
    /// check, so it proves neither, and lands in no row.
    /// </summary>
    private static string? PermissionRule(AccessRecord record, Pte leaf)
    {
        var access = record.Access;
        var uRule = access.Mode == PrivilegeMode.User
            ? (leaf.U ? null : UserOnSupervisorPage)
            : (!leaf.U ? null : !record.Sum ? SupervisorOnUserPage : access.Type == AccessType.Execute ? SumNoExecute : null);
        if (uRule is null)
            return RwxDenied;
        return RwxAllows(access.Type, leaf, record.Mxr) ? uRule : null;
    }

    /// <summary>Whether the leaf's R, W and X bits (with MXR making X readable) allow the operation, U aside.</summary>
    private static bool RwxAllows(AccessType type, Pte leaf, bool mxr) => type switch
    {
        AccessType.Read => leaf.R || (mxr && leaf.X),
        AccessType.Write => leaf.W,
        _ => leaf.X,
    };

    /// <summary>
    /// Whether the entry that answered a hit is a global one walked in another address space: no
    /// entry of the current ASID covers the address, and a global one from another ASID does.
    /// Only the built-in paging MMUs expose their TLB; for others the row stays unobserved.
    /// </summary>
    private static bool GlobalEntryOfAnotherSpaceAnswered(AccessRecord record)
    {
        if (record.Mmu is not PagingMmu { Tlb.AsidTagged: true } mmu)
            return false;
        var va = record.Access.Address;
        var current = mmu.CurrentAsid;
        var covering = mmu.Tlb.Entries.Where(entry => entry.Contains(va)).ToList();
        return covering.All(entry => entry.Asid != current) && covering.Any(entry => entry.Global);
    }
}
