using VmSpec.Core.Kernel;
using VmSpec.Runner.Results;
using VmSpec.Scenarios;
using KernelError = VmSpec.Core.Kernel.KernelError;
using ModelError = VmSpec.Scenarios.KernelError;

namespace VmSpec.Runner.Execution;

/// <summary>Process steps, run by the kernel model: every kernel call, and loads and stores made by a process.</summary>
internal static class ProcessExecutor
{
    public static StepOutcome Execute(RunContext context, Step step)
    {
        if (context.Kernel is not { } kernel)
            return StepOutcome.Fail($"'{step.Action}' needs the kernel model, which runs on paging MMUs; {context.Target.Name} is {context.Target.Kind}");

        var outcome = step switch
        {
            SpawnStep spawn => Call(Run(k => k.Spawn((int)spawn.Pid, spawn.Break)), spawn.Expect, $"spawn {spawn.Pid}"),
            ForkStep fork => Call(Run(k => k.Fork((int)fork.Parent, (int)fork.Child)), fork.Expect, $"fork {fork.Parent} -> {fork.Child}"),
            VforkStep vfork => Call(Run(k => k.Vfork((int)vfork.Parent, (int)vfork.Child)), vfork.Expect, $"vfork {vfork.Parent} -> {vfork.Child}"),
            ExitStep exit => Call(Run(k => k.Exit((int)exit.Pid)), exit.Expect, $"exit {exit.Pid}"),
            SwitchStep @switch => Call(Run(k => k.Switch((int)@switch.Pid)), @switch.Expect, $"switch {@switch.Pid}"),
            SbrkStep sbrk => Returning(context, Run(k => k.Sbrk((int)sbrk.Pid, sbrk.Bytes)), sbrk.Expect, sbrk.Expect?.Value, sbrk.As, $"sbrk {sbrk.Bytes} for {sbrk.Pid}"),
            MmapStep mmap => Returning(context, Run(k => k.Mmap((int)mmap.Pid, mmap.Length, Vocabulary.ToPteFlags(mmap.Perm, user: false), mmap.Shared)), mmap.Expect, mmap.Expect?.Va, mmap.As, $"mmap {Hex.Format(mmap.Length)} for {mmap.Pid}"),
            MunmapStep munmap => AddressResolver.TryResolve(context, munmap.Va, out var va, out var error)
                ? Call(Run(k => k.Munmap((int)munmap.Pid, va, munmap.Length)), munmap.Expect, $"munmap {Hex.Format(va)} for {munmap.Pid}")
                : StepOutcome.Fail(error!),
            LoadStep load => ProcessAccess(context, kernel, load, load.Va, load.Expect, $"load {load.Size} at {load.Va} by {load.Pid}",
                (k, va) => k.Load((int)load.Pid!.Value, va, load.Size)),
            StoreStep store => ProcessAccess(context, kernel, store, store.Va, store.Expect, $"store {store.Size} at {store.Va} by {store.Pid}",
                (k, va) => k.Store((int)store.Pid!.Value, va, store.Size, store.Value)),
            TickStep tick => Tick(context, kernel, tick),
            _ => StepOutcome.Fail($"'{step.Action}' is not a step this runner knows"),
        };
        // The kernel never loses or leaks a frame or a swap slot: every scenario with processes checks
        // it after each step, so a leak fails at the step that made it, whatever the scenario expects.
        if (outcome.Failure is null && kernel.AccountingMismatch() is { } mismatch)
            return StepOutcome.Fail($"after {step.Action} the kernel's books do not balance: {mismatch}");
        return outcome;

        KernelResult Run(Func<Kernel, KernelResult> call) => Observed(context, kernel, step, null, call);
    }

    /// <summary>
    /// Runs the kernel's part of a step and tells the run's observers what it did: each load or
    /// store the kernel made through the MMU, and the kernel's accounting before and after.
    /// </summary>
    private static KernelResult Observed(RunContext context, Kernel kernel, Step step, ulong? address, Func<Kernel, KernelResult> call)
    {
        if (context.OnKernelStep is null && context.OnAccess is null)
            return call(kernel);

        var before = context.OnKernelStep is null ? null : kernel.Stats();
        if (context.OnAccess is not null)
            kernel.AccessObserver = (access, result) => AccessExecutor.Record(context, step, access, result);
        KernelResult outcome;
        try
        {
            outcome = call(kernel);
        }
        finally
        {
            kernel.AccessObserver = null;
        }
        if (before is not null)
            context.OnKernelStep!(new KernelStepRecord(context.Scenario, step, context.Target, kernel, before, kernel.Stats(), outcome, address));
        return outcome;
    }

    private static StepOutcome Tick(RunContext context, Kernel kernel, TickStep tick)
    {
        Observed(context, kernel, tick, null, k =>
        {
            k.Tick(tick.Ticks);
            return KernelResult.Ok();
        });
        return StepOutcome.Done;
    }

    private static StepOutcome Call(KernelResult result, KernelExpect? expect, string what) =>
        CheckError(result, expect?.Error, what) is { } failure ? StepOutcome.Fail(failure) : StepOutcome.Done;

    /// <summary>sbrk and mmap: the address they return may be named with <c>as</c> and checked against an expectation.</summary>
    private static StepOutcome Returning(RunContext context, KernelResult result, KernelExpect? expect, AddressExpr? expected, string? name, string what)
    {
        if (CheckError(result, expect?.Error, what) is { } failure)
            return StepOutcome.Fail(failure);
        if (!result.IsOk)
            return StepOutcome.Done;

        if (expected is not null)
        {
            if (!AddressResolver.TryResolve(context, expected, out var value, out var error))
                return StepOutcome.Fail(error!);
            if (value != result.Value)
                return StepOutcome.Fail($"{what} expected {Hex.Format(value)}, got {Hex.Format(result.Value)}");
        }
        if (name is not null)
            context.Names[name] = result.Value;
        return StepOutcome.Done;
    }

    private static StepOutcome ProcessAccess(RunContext context, Kernel kernel, Step step, AddressExpr address, DataExpect? expect, string what, Func<Kernel, ulong, KernelResult> access)
    {
        if (!AddressResolver.TryResolve(context, address, out var va, out var error))
            return StepOutcome.Fail(error!);

        var result = Observed(context, kernel, step, va, k => access(k, va));
        if (CheckError(result, expect?.Error, what) is { } failure)
            return StepOutcome.Fail(failure);

        var expectedSignal = expect?.Signal switch
        {
            ProcessSignal.Sigsegv => Signal.SIGSEGV,
            ProcessSignal.Sigkill => Signal.SIGKILL,
            _ => Signal.None,
        };
        if (result.Signal != expectedSignal)
            return StepOutcome.Fail($"{what} expected {(expectedSignal == Signal.None ? "no signal" : expectedSignal)}, got {Describe(result)}");
        if (result.IsOk && expect?.Value is { } value && result.Value != value)
            return StepOutcome.Fail($"{what} expected value {Hex.Format(value)}, got {Hex.Format(result.Value)}");
        return StepOutcome.Done;
    }

    private static string? CheckError(KernelResult result, ModelError? expected, string what)
    {
        var wanted = expected switch
        {
            ModelError.OutOfMemory => KernelError.OutOfMemory,
            ModelError.Invalid => KernelError.Invalid,
            _ => KernelError.None,
        };
        if (result.Error == wanted)
            return null;
        var expectedText = wanted == KernelError.None ? "success" : ErrorName(wanted);
        return $"{what} expected {expectedText}, got {Describe(result)}";
    }

    private static string Describe(KernelResult result) =>
        result.Error != KernelError.None ? $"{ErrorName(result.Error)}{(result.Message is { } m ? $" ({m})" : "")}"
        : result.Signal != Signal.None ? $"{result.Signal}{(result.Message is { } s ? $" ({s})" : "")}"
        : $"success ({Hex.Format(result.Value)})";

    private static string ErrorName(KernelError error) => error == KernelError.OutOfMemory ? "out-of-memory" : "invalid";
}
