namespace VmSpec.Reports.Coverage;

/// <summary>
/// One cell of a kind's coverage matrix: a rule of the translation process, where the walk ended
/// (<see cref="Place"/>: the level for Sv39, the page-size class for single-level, the growth
/// direction for segmentation), the privilege mode and the operation (R, W or X).
/// </summary>
public readonly record struct CoverageCell(string Rule, string Place, string Mode, string Op)
{
    public override string ToString() => $"{Rule} {Place} {Mode} {Op}";
}

/// <summary>A cell an executed access landed in, with the kind of MMU, the scenario that ran it and the MMU (target) it ran on.</summary>
public readonly record struct CoveragePoint(string Kind, CoverageCell Cell, string ScenarioPath, string Target = "");
