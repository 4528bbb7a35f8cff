using System.CommandLine;
using VmSpec.Runner.Targets;

namespace VmSpec.Cli.Commands;

/// <summary><c>vmspec list</c>: the MMUs scenarios can run on, with kind and features.</summary>
public static class ListCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("list", "Show the built-in MMUs, their kinds and features.");
        command.SetAction(_ =>
        {
            output.WriteLine($"{"name",-16} {"kind",-14} features");
            foreach (var target in BuiltInTargets.All)
                output.WriteLine($"{target.Name,-16} {target.Kind,-14} {string.Join(", ", target.Features.Order())}");
            return ExitCodes.Passed;
        });
        return command;
    }
}
