using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>Address-space setup on paging MMUs: map, unmap, protect, raw PTEs, spaces and sfence.</summary>
internal static class PagingExecutor
{
    public static StepOutcome Execute(RunContext context, Step step)
    {
        if (context.Paging is not { } mmu)
            return StepOutcome.Fail($"'{step.Action}' needs a paging MMU; {context.Target.Name} is {context.Target.Kind}");
        // Under a kernel every space is a process's, mirrored in the kernel's books; an edit behind
        // its back would leave the books wrong. An sfence changes no table, so it stays allowed.
        if (context.Kernel is not null && step is not SfenceStep)
            return StepOutcome.Fail($"'{step.Action}' edits page tables, which the kernel owns in a scenario with processes: use spawn, sbrk, mmap and munmap");

        return step switch
        {
            MapStep map => Map(context, mmu, map),
            UnmapStep unmap => WithAddress(context, unmap.Va, va => mmu.Unmap(va, unmap.Size ?? mmu.PageSize)),
            ProtectStep protect => WithAddress(context, protect.Va, va =>
                mmu.Protect(va, protect.Size ?? mmu.PageSize, Vocabulary.ToPteFlags(protect.Perm, protect.User ?? true))),
            PteStep pte => WithAddress(context, pte.Va, va => mmu.WritePte(va, pte.Level, pte.Value)),
            SpaceStep space => Check(mmu.SwitchAddressSpace((ushort)space.Asid)),
            SfenceStep sfence => Sfence(context, mmu, sfence),
            _ => StepOutcome.Fail($"'{step.Action}' is not a paging step"),
        };
    }

    private static StepOutcome Map(RunContext context, IPagingMmu mmu, MapStep map) =>
        WithAddress(context, map.Va, va =>
        {
            var size = map.Size ?? mmu.PageSize;
            var flags = Vocabulary.ToPteFlags(map.Perm, map.User);
            if (map.Global) flags |= PteFlags.G;
            if (map.Accessed) flags |= PteFlags.A;
            if (map.Dirty) flags |= PteFlags.D;
            return map.Pa is { } pa ? mmu.Map(va, pa, size, flags) : FreshMemory.Map(mmu, va, size, flags);
        });

    private static StepOutcome Sfence(RunContext context, IPagingMmu mmu, SfenceStep sfence)
    {
        ulong? va = null;
        if (sfence.Va is { } expression)
        {
            if (!AddressResolver.TryResolve(context, expression, out var address, out var error))
                return StepOutcome.Fail(error!);
            va = address;
        }
        mmu.Sfence(va, sfence.Asid is { } asid ? (ushort)asid : null);
        return StepOutcome.Done;
    }

    private static StepOutcome WithAddress(RunContext context, AddressExpr expression, Func<ulong, EditResult> edit) =>
        AddressResolver.TryResolve(context, expression, out var va, out var error)
            ? Check(edit(va))
            : StepOutcome.Fail(error!);

    private static StepOutcome Check(EditResult result) =>
        result.IsOk ? StepOutcome.Done : StepOutcome.Fail($"the MMU refused the edit: {result}");
}
