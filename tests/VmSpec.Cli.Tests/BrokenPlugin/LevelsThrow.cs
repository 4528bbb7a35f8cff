using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Cli.Tests.BrokenPlugin;

/// <summary>
/// A paging MMU whose level count throws: the host reads it outside a run (the effective access
/// time, the coverage model of a radix format). Nothing else of it is ever reached.
/// </summary>
public sealed class LevelsThrow(Machine machine) : PagingMmu(machine, [], AddressRule.Below(32))
{
    public override string Kind => "broken-paging";

    public override ulong PageSize => 4096;

    public override int Levels => throw new InvalidOperationException("boom in Levels");

    protected override int PageShiftAt(int level) => throw new NotSupportedException();

    protected override WalkOutcome Descend(AddressSpace space, ulong va, Walk? walk) => throw new NotSupportedException();

    protected override TableProbe Probe(AddressSpace space, ulong va, int targetLevel) => throw new NotSupportedException();

    public override string Dump() => throw new NotSupportedException();
}
