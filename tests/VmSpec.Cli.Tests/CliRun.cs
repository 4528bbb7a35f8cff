namespace VmSpec.Cli.Tests;

/// <summary>One in-process run of the command, with what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = VmSpecApp.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary><c>vmspec run</c> over a scratch folder that holds only <paramref name="yaml"/>, at <paramref name="relativePath"/>.</summary>
    public static CliRun OfOneScenario(string relativePath, string yaml)
    {
        using var specs = new ScratchSpecs();
        specs.Write(relativePath, yaml);
        return Of("run", specs.Root);
    }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Output}\n--- err\n{Error}";
}
