using System.CommandLine;
using VmSpec.Runner.Targets;

namespace VmSpec.Cli.Commands;

/// <summary>The implementations a command runs on: the built-in MMUs and those of <c>--plugin</c> assemblies.</summary>
internal static class TargetSelection
{
    /// <summary>Repeatable, one assembly each time; given without one, it is a command line error like any option's missing value.</summary>
    public static Option<string[]> PluginOption() => OptionValues.RefuseOptionAsValue(new Option<string[]>("--plugin")
    {
        Description = "An assembly whose public IMmu types (with a constructor taking a Machine) run too; repeatable.",
        Arity = ArgumentArity.OneOrMore,
    });

    /// <summary><c>--mmu KIND</c>: only the MMUs of one kind.</summary>
    public static Option<string?> KindOption(string description) =>
        OptionValues.RefuseOptionAsValue(new Option<string?>("--mmu") { Description = description });

    /// <summary>The targets of <paramref name="kind"/> (all of them when it is null), or null after saying that no MMU has it.</summary>
    public static IReadOnlyList<MmuTarget>? OfKind(IReadOnlyList<MmuTarget> targets, string? kind, TextWriter error)
    {
        var chosen = targets.Where(target => kind is null || target.Kind == kind).ToList();
        if (chosen.Count > 0)
            return chosen;
        error.WriteLine($"error: no MMU of kind '{kind}' (see 'vmspec list')");
        return null;
    }

    /// <summary>Built-in targets then each plug-in's, or null (after printing every reason) when a plug-in cannot be used.</summary>
    public static IReadOnlyList<MmuTarget>? Resolve(IReadOnlyList<string> plugins, TextWriter error)
    {
        var targets = new List<MmuTarget>(BuiltInTargets.All);
        var refused = false;
        foreach (var plugin in plugins)
        {
            if (!PluginTargets.TryLoad(plugin, out var loaded, out var problems))
            {
                foreach (var problem in problems)
                    error.WriteLine($"error: {problem}");
                refused = true;
            }
            targets.AddRange(loaded);
        }
        if (refused)
            return null;

        var clash = targets.GroupBy(target => target.Name).FirstOrDefault(group => group.Count() > 1);
        if (clash is not null)
        {
            error.WriteLine($"error: two implementations are named '{clash.Key}'");
            return null;
        }
        return targets;
    }
}
