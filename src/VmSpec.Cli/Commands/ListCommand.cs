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
            output.WriteLine($"{"name",-16} {"kind",-14} features");
            foreach (var target in targets)
                output.WriteLine($"{target.Name,-16} {target.Kind,-14} {string.Join(", ", target.Features.Order())}");
            return ExitCodes.Passed;
        });
        return command;
    }
}
