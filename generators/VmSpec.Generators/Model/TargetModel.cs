namespace VmSpec.Generators.Model
{
    /// <summary>
    /// One <c>[assembly: ConformanceTarget(typeof(T), "kind")]</c>: the MMU type as a fully qualified
    /// name (never the symbol, which would pin a compilation), its kind, and the name tests show.
    /// </summary>
    internal sealed record TargetModel(string TypeName, string Kind, string Name);

    /// <summary>
    /// What reading one attribute gave: a target, or the diagnostic saying why not, and where the
    /// attribute is (for diagnostics only: the targets the emit step sees are the models alone, so
    /// moving an attribute regenerates nothing).
    /// </summary>
    internal sealed record TargetResult(TargetModel? Target, DiagnosticInfo? Error, LocationInfo? Location = null);
}
