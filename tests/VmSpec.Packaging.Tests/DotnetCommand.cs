using System.Diagnostics;

namespace VmSpec.Packaging.Tests;

/// <summary>What a command printed and how it ended.</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    /// <summary>
    /// The exit code, then the output quoted line by line, so that a nested run's own summary
    /// ("Passed!  - Failed: 0, ...") in a failure message is never read as this run's.
    /// </summary>
    public override string ToString() =>
        $"exit {ExitCode}\n" + string.Join('\n', Output.Split('\n').Select(line => "> " + line.TrimEnd('\r')));
}

/// <summary>
/// Runs a program as a user at a shell would, in a folder of the test's own, with the environment
/// that keeps the test's packages apart from the machine's (see <see cref="OutsideWorkspace"/>).
/// </summary>
internal static class DotnetCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static CommandResult Run(string program, string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        // A test run sets these for its own host; a child dotnet must not inherit them.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            return new CommandResult(-1, $"{program} {string.Join(' ', arguments)}: still running after {Limit.TotalMinutes} minutes");
        }
        return new CommandResult(process.ExitCode, output.Result + errors.Result);
    }
}
