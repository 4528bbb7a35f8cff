using System.CommandLine;
using VmSpec.Cli.Commands;

namespace VmSpec.Cli;

/// <summary>The <c>vmspec</c> command: its sub-commands, with output written where the caller says.</summary>
public static class VmSpecApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("VmSpec: run virtual-memory scenarios against MMUs.")
        {
            RunCommand.Create(output, error),
            ListCommand.Create(output, error),
            CoverageCommand.Create(output, error),
            ReportCommand.Create(output, error),
            CorpusCommand.Create(output, error),
        };
        var parse = root.Parse(args);
        var code = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        // A command line it cannot read is bad input, like a scenario it cannot read: exit 2, so
        // that CI tells it from 1, scenarios that ran and failed.
        return parse.Errors.Count > 0 ? ExitCodes.FormatError : code;
    }
}
