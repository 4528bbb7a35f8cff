using System.Collections.Frozen;
using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Runner.Targets;

/// <summary>
/// What the host reads of an implementation outside any run, read once from one instance. An
/// implementation may be a plug-in, whose code can throw anything or break the contract: every
/// such failure becomes an <see cref="MmuProbeException"/> naming the member, so it is refused when
/// loaded rather than crashing a command halfway. Features are copied, so choosing where a
/// scenario runs never calls into the implementation.
/// </summary>
internal sealed record MmuProbe(string Kind, IReadOnlySet<string> Features, int Levels, Type ImplementationType)
{
    public static MmuProbe Of(string name, Func<Machine, IMmu> create)
    {
        var mmu = Read($"new {name}(Machine)", () => create(new Machine()));
        var kind = Read($"{name}.Kind", () => mmu.Kind);
        if (string.IsNullOrWhiteSpace(kind))
            throw new MmuProbeException($"{name}.Kind is empty");
        if (!Scenarios.KindSpelling.IsValid(kind))
            throw new MmuProbeException($"{name}.Kind {Scenarios.KindSpelling.Unnameable(kind)}");
        var features = Read($"{name}.Features", () => mmu.Features?.ToFrozenSet(StringComparer.Ordinal))
            ?? throw new MmuProbeException($"{name}.Features is null");
        var levels = mmu is IPagingMmu paging ? Read($"{name}.Levels", () => paging.Levels) : 0;
        return new MmuProbe(kind, features, levels, mmu.GetType());
    }

    private static T Read<T>(string member, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception)
        {
            throw new MmuProbeException($"{member} threw: {exception.Message}", exception);
        }
    }
}
