using VmSpec.Core.Mmu;
using VmSpec.Runner.Results;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>Accesses, loads and stores that go straight to the MMU (no process involved).</summary>
internal static class AccessExecutor
{
    public static StepOutcome Translate(RunContext context, AccessStep step)
    {
        if (!TryBuild(context, step.Address, Vocabulary.ToAccessType(step.Op), Vocabulary.ToMode(step.Mode), step.Sum, step.Mxr, out var access, out var error))
            return StepOutcome.Fail(error!);

        var translation = context.Mmu.Translate(access);
        Record(context, step, access, translation);
        var expect = step.Expect;
        var difference = TranslationCheck.Compare(translation, expect?.Pa, expect?.Fault, expect?.Reason, expect?.Tlb, HasTlb(context));
        return difference is null ? StepOutcome.Done : StepOutcome.Fail($"{Describe(step, access)} {difference}");
    }

    public static StepOutcome Load(RunContext context, LoadStep step)
    {
        if (!TryBuild(context, step.Va, AccessType.Read, Core.Mmu.PrivilegeMode.User, null, null, out var access, out var error))
            return StepOutcome.Fail(error!);

        var result = context.Mmu.Load(access, step.Size);
        Record(context, step, access, result);
        var expect = step.Expect;
        var what = $"load {step.Size} at {step.Va}";
        if (TranslationCheck.Compare(result.Translation, null, expect?.Fault, expect?.Reason, expect?.Tlb, HasTlb(context)) is { } difference)
            return StepOutcome.Fail($"{what} {difference}");
        if (!result.IsFault && expect?.Value is { } value && result.Value != value)
            return StepOutcome.Fail($"{what} expected value {Hex.Format(value)}, got {Hex.Format(result.Value)} ({Source(result)})");
        return StepOutcome.Done;
    }

    public static StepOutcome Store(RunContext context, StoreStep step)
    {
        if (!TryBuild(context, step.Va, AccessType.Write, Core.Mmu.PrivilegeMode.User, null, null, out var access, out var error))
            return StepOutcome.Fail(error!);

        var result = context.Mmu.Store(access, step.Value, step.Size);
        Record(context, step, access, result);
        var expect = step.Expect;
        return TranslationCheck.Compare(result.Translation, null, expect?.Fault, expect?.Reason, expect?.Tlb, HasTlb(context)) is { } difference
            ? StepOutcome.Fail($"store {step.Size} at {step.Va} {difference}")
            : StepOutcome.Done;
    }

    private static bool TryBuild(
        RunContext context, AddressExpr address, AccessType type, Core.Mmu.PrivilegeMode mode, bool? sum, bool? mxr,
        out Access access, out string? error)
    {
        access = default;
        if (!AddressResolver.TryResolve(context, address, out var value, out var selector, out error))
            return false;
        access = new Access(value, type, mode, sum, mxr, selector);
        return true;
    }

    /// <summary>Whether the MMU has a TLB to speak of: a paging MMU has; a segmentation unit has none.</summary>
    private static bool HasTlb(RunContext context) => context.Mmu is Core.Paging.IPagingMmu;

    /// <summary>Where a load's bytes came from: one physical address, or one per page it was split across.</summary>
    private static string Source(in MemoryResult result) => result.Portions is { } portions
        ? "from " + string.Join(", then ", portions.Select(p => $"pa {Hex.Format(p.Translation.PhysicalAddress)} for va {Hex.Format(p.Address)}"))
        : $"from pa {Hex.Format(result.Translation.PhysicalAddress)}";

    /// <summary>Records a load or store: each portion's translation when it was split at a page boundary, since each ran a lookup and maybe a walk of its own.</summary>
    internal static void Record(RunContext context, Step step, in Access access, in MemoryResult result)
    {
        if (result.Portions is not { } portions)
        {
            Record(context, step, access, result.Translation);
            return;
        }
        foreach (var portion in portions)
            Record(context, step, access with { Address = portion.Address }, portion.Translation);
    }

    private static void Record(RunContext context, Step step, in Access access, in Translation translation)
    {
        if (context.OnAccess is not { } observe)
            return;
        var settings = context.Machine.Options.Sv39;
        observe(new AccessRecord(
            context.Scenario, step, context.Target, context.Mmu, access, translation,
            access.Sum ?? settings.Sum, access.Mxr ?? settings.Mxr, settings.Ad));
    }

    private static string Describe(AccessStep step, in Access access)
    {
        var flags = new List<string>();
        if (step.Mode == Scenarios.PrivilegeMode.Supervisor) flags.Add("supervisor");
        if (access.Sum == true) flags.Add("sum");
        if (access.Mxr == true) flags.Add("mxr");
        var address = access.Selector is { } selector ? $"{Hex.Format(selector)}:{Hex.Format(access.Address)}" : Hex.Format(access.Address);
        return $"{Vocabulary.Name(step.Op)} {address}" + (flags.Count > 0 ? $" ({string.Join(", ", flags)})" : "");
    }
}
