namespace VmSpec.Scenarios
{
    /// <summary>
    /// The outcome of parsing one file. <see cref="Scenario"/> is null when any error was reported,
    /// so a consumer never runs a half-understood scenario. Value-equatable, like the model.
    /// </summary>
    public sealed record ParseResult(Scenario? Scenario, EquatableArray<ScenarioDiagnostic> Diagnostics)
    {
        public bool Succeeded => Scenario is not null;
    }
}
