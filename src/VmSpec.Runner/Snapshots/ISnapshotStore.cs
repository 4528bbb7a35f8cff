using VmSpec.Scenarios;

namespace VmSpec.Runner.Snapshots;

/// <summary>Where a scenario's <c>snapshot</c> steps find the text they are compared with.</summary>
public interface ISnapshotStore
{
    /// <summary>Null when <paramref name="actual"/> matches the stored snapshot; otherwise why not.</summary>
    string? Compare(Scenario scenario, string label, string kind, string actual);
}
