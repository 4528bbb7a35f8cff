using VmSpec.Generators.Emit;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Model
{
    /// <summary>
    /// What emitting one scenario needs, and nothing more. <see cref="Data"/> is the scenario as a C#
    /// expression with <c>#line</c> directives; it holds lines and columns but no offsets, so an edit
    /// that only moves text within lines (a comment, trailing spaces) leaves the model equal and the
    /// emitted file cached.
    /// </summary>
    internal sealed record ScenarioModel(
        string Path,
        TestNames Names,
        EquatableArray<string> Mmu,
        EquatableArray<string> Tags,
        string Description,
        string Data);

    /// <summary>The parse step's output: a model when the file is valid, and its diagnostics either way.</summary>
    internal sealed record ParsedScenario(ScenarioModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
