using VmSpec.Core.Mmu;
using VmSpec.Runner.Results;

namespace VmSpec.Reports.Coverage;

/// <summary>
/// What coverage means for one kind of MMU: the axes of its matrix, its rules with the cells that
/// cannot occur, and how an executed access is classified into cells. Classification reads only
/// what the MMU did (the translation, the entries its walk read, its TLB), never the scenario's
/// description or expectations.
/// </summary>
public abstract class CoverageModel
{
    public const string NoPlace = "none";
    protected const string User = "U";
    protected const string Supervisor = "S";
    protected const string AnyMode = "any";
    protected const string R = "R";
    protected const string W = "W";
    protected const string X = "X";

    public abstract string Kind { get; }

    /// <summary>What the place axis means for this kind: <c>level</c>, <c>page size</c>, <c>segment</c>.</summary>
    public abstract string PlaceAxis { get; }

    public abstract IReadOnlyList<string> Places { get; }

    public abstract IReadOnlyList<string> Modes { get; }

    /// <summary>The operation axis: R, W and X for an MMU's accesses.</summary>
    public virtual IReadOnlyList<string> Ops { get; } = [R, W, X];

    public abstract IReadOnlyList<CoverageRule> Rules { get; }

    /// <summary>The cells one access lands in: none, one, or several when it exercised several rules at once.</summary>
    public abstract IEnumerable<CoverageCell> Classify(AccessRecord record);

    public IEnumerable<CoverageCell> Cells =>
        from rule in Rules
        from place in Places
        from mode in Modes
        from op in Ops
        select new CoverageCell(rule.Name, place, mode, op);

    public CoverageRule? Rule(string name) => Rules.FirstOrDefault(rule => rule.Name == name);

    protected static string OpOf(AccessType type) => type switch
    {
        AccessType.Read => R,
        AccessType.Write => W,
        _ => X,
    };

    protected static string ModeOf(PrivilegeMode mode) => mode == PrivilegeMode.User ? User : Supervisor;

    /// <summary>The entry the walk read at a level, when it recorded one there.</summary>
    protected static WalkStep? StepAt(in Translation translation, int level)
    {
        if (translation.Walk is not { } walk)
            return null;
        foreach (var step in walk.Steps)
            if (step.Level == level)
                return step;
        return null;
    }
}
