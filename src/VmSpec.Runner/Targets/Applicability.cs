using VmSpec.Scenarios;

namespace VmSpec.Runner.Targets;

/// <summary>Whether a scenario runs on a target at all, and if not, the reason shown with the skip.</summary>
public static class Applicability
{
    public static string? SkipReason(Scenario scenario, MmuTarget target)
    {
        if (!scenario.Mmu.Contains(target.Kind))
            return $"kind {target.Kind} is not in the scenario's mmu list [{string.Join(", ", scenario.Mmu)}]";
        var missing = scenario.Requires.Where(feature => !target.Features.Contains(feature)).ToList();
        return missing.Count > 0 ? $"{target.Name} lacks required feature(s): {string.Join(", ", missing)}" : null;
    }
}
