namespace VmSpec.Runner.Execution;

/// <summary>What one step came to: done, a failure with its message, or a reason the scenario cannot run here.</summary>
public readonly record struct StepOutcome(string? Failure, string? SkipReason)
{
    public static readonly StepOutcome Done = default;

    public static StepOutcome Fail(string message) => new(message, null);

    public static StepOutcome Skip(string reason) => new(null, reason);
}
