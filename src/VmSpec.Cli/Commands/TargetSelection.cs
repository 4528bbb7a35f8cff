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

    /// <summary><c>--mmu KIND|NAME</c>: only the MMUs of one kind, or the one MMU of that name.</summary>
    public static Option<string?> KindOption(string description) =>
        OptionValues.RefuseOptionAsValue(new Option<string?>("--mmu") { Description = description });

    /// <summary>
    /// The targets of <paramref name="kindOrName"/> (all of them when it is null): those of that
    /// kind, or else the one of that name, so that one of several MMUs of a kind (a plug-in beside
    /// the built-in one) can run alone. Null, after saying so, when neither matches.
    /// </summary>
    public static IReadOnlyList<MmuTarget>? Chosen(IReadOnlyList<MmuTarget> targets, string? kindOrName, TextWriter error)
    {
        if (kindOrName is null)
            return targets;
        var chosen = targets.Where(target => target.Kind == kindOrName).ToList();
        if (chosen.Count == 0)
            chosen = targets.Where(target => target.Name == kindOrName).ToList();
        if (chosen.Count > 0)
            return chosen;
        error.WriteLine($"error: no MMU of kind or name '{kindOrName}' (see 'vmspec list')");
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
