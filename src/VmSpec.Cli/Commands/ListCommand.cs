using System.CommandLine;

namespace VmSpec.Cli.Commands;

/// <summary><c>vmspec list [--plugin DLL]</c>: the MMUs scenarios can run on, with kind and features.</summary>
public static class ListCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var plugins = TargetSelection.PluginOption();
        var command = new Command("list", "Show the MMUs, built-in and plug-in, with their kinds and features.") { plugins };
        command.SetAction(parse =>
        {
            if (TargetSelection.Resolve(parse.GetValue(plugins) ?? [], error) is not { } targets)
                return ExitCodes.FormatError;
            // Columns as wide as their longest entry, so a plug-in's long type name does not push the rest out of line.
            var nameWidth = targets.Max(target => target.Name.Length) + 1;
            var kindWidth = targets.Max(target => target.Kind.Length) + 1;
            output.WriteLine($"{"name".PadRight(nameWidth)} {"kind".PadRight(kindWidth)} features");
            foreach (var target in targets)
                output.WriteLine($"{target.Name.PadRight(nameWidth)} {target.Kind.PadRight(kindWidth)} {string.Join(", ", target.Features.Order())}".TrimEnd());
            return ExitCodes.Passed;
        });
        return command;
    }
}
