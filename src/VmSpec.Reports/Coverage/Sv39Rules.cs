namespace VmSpec.Reports.Coverage;

/// <summary>
/// The rows of the Sv39 matrix: each rule of the privileged spec's translation process that a
/// verification plan (CVA6's Sv32 MMU plan, for one) asks to see at every level, in both modes,
/// for read, write and execute, and the cells where a rule cannot apply, with the reason.
/// </summary>
internal static class Sv39Rules
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

    public static readonly string[] Levels = ["L2", "L1", "L0"];

    private static readonly CellExclusion NoWalk = new(
        "only a non-canonical address ends before the walk reads the root", Places: [CoverageModel.NoPlace]);

    private static readonly CellExclusion SupervisorOnly = new("the rule is about supervisor-mode accesses", Modes: ["U"]);

    public static IReadOnlyList<CoverageRule> All { get; } =
    [
        new(Translate, "Sv39 walk steps 5-8: a leaf that permits the access gives pa", NoWalk),
        new(TlbHit, "Sv39 address-translation caches: a cached leaf answers without a walk", NoWalk),
        new(GlobalAcrossAsids, "satp.ASID and PTE G bit: a global mapping is shared by every address space", NoWalk),
        new(NonCanonical, "Sv39 virtual addresses: bits 63-39 must equal bit 38, else a page fault",
            new CellExclusion("the canonical check comes before the walk reads any level", Places: Levels)),
        new(Invalid, "Sv39 walk step 3: pte.v = 0", NoWalk),
        new(WriteWithoutRead, "Sv39 walk step 3: pte.r = 0 and pte.w = 1 is reserved", NoWalk),
        new(ReservedBits, "Sv39 walk step 3 and PTE format: bits 63-54 reserved", NoWalk),
        new(PointerAdu, "Sv39 PTE format: D, A and U are reserved on a non-leaf PTE (walk step 3)", NoWalk),
        new(PointerAtLevel0, "Sv39 walk step 4: a pointer with i - 1 < 0 is a page fault", NoWalk,
            new CellExclusion("a pointer above level 0 is followed to the next level", Places: ["L2", "L1"])),
        new(PteAccessFault, "Sv39 walk step 2: a PTE read that violates a PMA is an access fault", NoWalk,
            new CellExclusion("the root table is a frame of RAM the allocator handed out", Places: ["L2"])),
        new(RwxDenied, "Sv39 walk step 5: pte.r/w/x must permit the access (R: an execute-only page without MXR)", NoWalk),
        new(UserOnSupervisorPage, "Sv39 PTE U bit: U-mode may access only pages with U = 1 (walk step 5)", NoWalk,
            new CellExclusion("the rule is about user-mode accesses", Modes: ["S"])),
        new(SupervisorOnUserPage, "mstatus.SUM = 0: S-mode accesses to U = 1 pages fault (walk step 5)", NoWalk, SupervisorOnly),
        new(SumAllows, "mstatus.SUM = 1: S-mode loads and stores to U = 1 pages are permitted", NoWalk, SupervisorOnly,
            new CellExclusion("SUM never permits execution of a U = 1 page", Ops: ["X"])),
        new(SumNoExecute, "Sv39 PTE U bit: with mstatus.SUM = 1, S-mode still never executes a U = 1 page", NoWalk, SupervisorOnly,
            new CellExclusion("SUM = 1 permits loads and stores (row sum-allows)", Ops: ["R", "W"])),
        new(MxrAllows, "mstatus.MXR = 1: loads from executable pages succeed", NoWalk,
            new CellExclusion("MXR only makes executable pages readable", Ops: ["W", "X"])),
        new(MisalignedSuperpage, "Sv39 walk step 6: a superpage leaf with nonzero low PPN fields", NoWalk,
            new CellExclusion("a level-0 leaf has no lower PPN fields to misalign", Places: ["L0"])),
        new(HardwareSetsA, "Sv39 walk step 7: the walk sets pte.a", NoWalk),
        new(HardwareSetsD, "Sv39 walk step 7: a store sets pte.d", NoWalk,
            new CellExclusion("only a store sets D", Ops: ["R", "X"])),
        new(SvadeA, "Sv39 walk step 7 under Svade: pte.a = 0 raises a page fault", NoWalk),
        new(SvadeD, "Sv39 walk step 7 under Svade: a store with pte.d = 0 raises a page fault", NoWalk,
            new CellExclusion("only a store needs D", Ops: ["R", "X"])),
    ];
}
