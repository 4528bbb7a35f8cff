namespace VmSpec.Conformance;

/// <summary>
/// Snapshots are strict (missing or different fails) unless <c>VMSPEC_UPDATE_SNAPSHOTS=1</c> is set,
/// which accepts the actual dumps. Strict is the default so CI never needs to remember a switch.
/// </summary>
public static class SnapshotSwitch
{
    public const string Variable = "VMSPEC_UPDATE_SNAPSHOTS";

    public static bool Update => Environment.GetEnvironmentVariable(Variable) is "1" or "true";
}
