namespace VmSpec.Reports.Coverage;

/// <summary>
/// The rows of the matrix of a RISC-V radix format (Sv39, Sv48, Sv57: the same walk over more
/// levels): each rule of the privileged spec's translation process that a verification plan
/// (CVA6's Sv32 MMU plan, for one) asks to see at every level, in both modes, for read, write and
/// execute, and the cells where a rule cannot apply, with the reason.
/// </summary>
internal sealed class RadixRules
{
    public const string Translate = "translate";
    public const string TlbHit = "tlb-hit";
    public const string GlobalAcrossAsids = "global-across-asids";
    public const string NonCanonical = "non-canonical";
    public const string Invalid = "invalid";
    public const string WriteWithoutRead = "reserved-w-without-r";
    public const string ReservedBits = "reserved-bits";
    public const string PointerAdu = "pointer-a-d-u";
    public const string PointerAtLevel0 = "pointer-at-level-0";
    public const string PteAccessFault = "pte-access-fault";
    public const string RwxDenied = "rwx-denied";
    public const string UserOnSupervisorPage = "u-mode-s-page";
    public const string SupervisorOnUserPage = "s-mode-u-page";
    public const string SumAllows = "sum-allows";
    public const string SumNoExecute = "sum-no-execute";
    public const string MxrAllows = "mxr-allows";
    public const string MisalignedSuperpage = "misaligned-superpage";
    public const string HardwareSetsA = "walk-sets-a";
    public const string HardwareSetsD = "walk-sets-d";
    public const string SvadeA = "svade-a-clear";
    public const string SvadeD = "svade-d-clear";

    private static readonly CellExclusion SupervisorOnly = new("the rule is about supervisor-mode accesses", Modes: ["U"]);

    /// <summary>The rows of the format with <paramref name="levels"/> levels: Sv39 for three, Sv48 for four.</summary>
    public RadixRules(int levels)
    {
        var vaBits = 12 + 9 * levels;
        var format = $"Sv{vaBits}";
        Levels = [.. Enumerable.Range(0, levels).Reverse().Select(level => $"L{level}")];
        var root = Levels[0];
        var aboveLevel0 = Levels[..^1];

        var noWalk = new CellExclusion("only a non-canonical address ends before the walk reads the root", Places: [CoverageModel.NoPlace]);
        All =
        [
            new(Translate, $"{format} walk steps 5-8: a leaf that permits the access gives pa", noWalk),
            new(TlbHit, $"{format} address-translation caches: a cached leaf answers without a walk", noWalk),
            new(GlobalAcrossAsids, "satp.ASID and PTE G bit: a global mapping is shared by every address space", noWalk),
            new(NonCanonical, $"{format} virtual addresses: bits 63-{vaBits} must equal bit {vaBits - 1}, else a page fault",
                new CellExclusion("the canonical check comes before the walk reads any level", Places: Levels)),
            new(Invalid, $"{format} walk step 3: pte.v = 0", noWalk),
            new(WriteWithoutRead, $"{format} walk step 3: pte.r = 0 and pte.w = 1 is reserved", noWalk),
            new(ReservedBits, $"{format} walk step 3 and PTE format: bits 63-54 reserved", noWalk),
            new(PointerAdu, $"{format} PTE format: D, A and U are reserved on a non-leaf PTE (walk step 3)", noWalk),
            new(PointerAtLevel0, $"{format} walk step 4: a pointer with i - 1 < 0 is a page fault", noWalk,
                new CellExclusion("a pointer above level 0 is followed to the next level", Places: aboveLevel0)),
            new(PteAccessFault, $"{format} walk step 2: a PTE read that violates a PMA is an access fault", noWalk,
                new CellExclusion("the root table is a frame of RAM the allocator handed out", Places: [root])),
            new(RwxDenied, $"{format} walk step 5: pte.r/w/x must permit the access (R: an execute-only page without MXR)", noWalk),
            new(UserOnSupervisorPage, $"{format} PTE U bit: U-mode may access only pages with U = 1 (walk step 5)", noWalk,
                new CellExclusion("the rule is about user-mode accesses", Modes: ["S"])),
            new(SupervisorOnUserPage, "mstatus.SUM = 0: S-mode accesses to U = 1 pages fault (walk step 5)", noWalk, SupervisorOnly),
            new(SumAllows, "mstatus.SUM = 1: S-mode loads and stores to U = 1 pages are permitted", noWalk, SupervisorOnly,
                new CellExclusion("SUM never permits execution of a U = 1 page", Ops: ["X"])),
            new(SumNoExecute, $"{format} PTE U bit: with mstatus.SUM = 1, S-mode still never executes a U = 1 page", noWalk, SupervisorOnly,
                new CellExclusion("SUM = 1 permits loads and stores (row sum-allows)", Ops: ["R", "W"])),
            new(MxrAllows, "mstatus.MXR = 1: loads from executable pages succeed", noWalk,
                new CellExclusion("MXR only makes executable pages readable", Ops: ["W", "X"])),
            new(MisalignedSuperpage, $"{format} walk step 6: a superpage leaf with nonzero low PPN fields", noWalk,
                new CellExclusion("a level-0 leaf has no lower PPN fields to misalign", Places: ["L0"])),
            new(HardwareSetsA, $"{format} walk step 7: the walk sets pte.a", noWalk),
            new(HardwareSetsD, $"{format} walk step 7: a store sets pte.d", noWalk,
                new CellExclusion("only a store sets D", Ops: ["R", "X"])),
            new(SvadeA, $"{format} walk step 7 under Svade: pte.a = 0 raises a page fault", noWalk),
            new(SvadeD, $"{format} walk step 7 under Svade: a store with pte.d = 0 raises a page fault", noWalk,
                new CellExclusion("only a store needs D", Ops: ["R", "X"])),
        ];
    }

    /// <summary>The level names from the root down: L2, L1, L0 for Sv39.</summary>
    public string[] Levels { get; }

    public IReadOnlyList<CoverageRule> All { get; }
}
