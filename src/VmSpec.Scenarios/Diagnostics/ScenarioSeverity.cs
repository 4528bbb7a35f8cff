namespace VmSpec.Scenarios
{
    /// <summary>Severity of a scenario diagnostic (maps one to one onto Roslyn's DiagnosticSeverity).</summary>
    public enum ScenarioSeverity { Info, Warning, Error }
}
