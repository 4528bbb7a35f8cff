using System.IO.Compression;
using System.Text.RegularExpressions;

namespace VmSpec.Packaging.Tests;

/// <summary>
/// The packages, used as a user outside the repository uses them: packed from this build into a
/// folder, MMUs (the Sv48 sample, and one of a kind of its own with a package dependency) built on
/// VmSpec.Core alone, a test project on VmSpec.Conformance alone whose generated suite runs every
/// scenario of their specs folder, and the vmspec tool installed from the folder, run with those MMUs
/// as its plug-in and writing out the corpus it carries.
/// </summary>
[TestFixture, NonParallelizable]
public sealed partial class OutsideTheRepositoryTests
{
    private OutsideWorkspace _workspace = null!;
    private int _scenarios;

    [OneTimeSetUp]
    public void PackAndBuild()
    {
        _workspace = new OutsideWorkspace();
        var pack = _workspace.Pack();
        Assert.That(pack.ExitCode, Is.Zero, $"dotnet pack: {pack}");
        _workspace.WriteProjects();
        _scenarios = Directory.GetFiles(_workspace.SpecsFolder, "*.yaml", SearchOption.AllDirectories).Length;
        var build = _workspace.Dotnet("build", OutsideWorkspace.Tests);
        Assert.That(build.ExitCode, Is.Zero, $"dotnet build: {build}");
        // Nothing for the user to wonder about: no restore, compiler or generator warning.
        Assert.That(Warning().IsMatch(build.Output), Is.False, $"dotnet build: {build}");
    }

    [OneTimeTearDown]
    public void Remove() => _workspace?.Dispose();

    [Test]
    public void The_feed_holds_the_libraries_and_the_tool()
    {
        var packages = Directory.GetFiles(_workspace.Feed, "*.nupkg").Select(Path.GetFileName);
        var version = OutsideWorkspace.Version;
        Assert.That(packages, Is.EquivalentTo(new[] { "VmSpec.Core", "VmSpec.Scenarios", "VmSpec.Runner", "VmSpec.Conformance", "vmspec" }
            .Select(id => $"{id}.{version}.nupkg")));
    }

    [Test]
    public void The_conformance_package_carries_the_generator_and_its_build_file()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_workspace.Feed, $"VmSpec.Conformance.{OutsideWorkspace.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.That(entries, Is.SupersetOf(new[]
        {
            "lib/net10.0/VmSpec.Conformance.dll",
            "analyzers/dotnet/cs/VmSpec.Generators.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/VmSpec.Conformance.targets",
            "build/specs/VmSpec.Specs.targets",
        }));
        var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open()).ReadToEnd();
        Assert.That(nuspec, Does.Not.Contain("VmSpec.Generators"), "the generator travels inside the package, not as a dependency");
    }

    [Test]
    public void A_test_project_on_the_package_runs_every_scenario_of_its_specs_folder()
    {
        var test = _workspace.Dotnet("test", OutsideWorkspace.Tests, "--no-build");
        Assert.That(test.ExitCode, Is.Zero, $"dotnet test: {test}");
        var summary = TestSummary().Match(test.Output);
        Assert.That(summary.Success, $"no summary in: {test}");
        Assert.Multiple(() =>
        {
            Assert.That(int.Parse(summary.Groups["failed"].Value), Is.Zero, $"{test}");
            Assert.That(int.Parse(summary.Groups["passed"].Value), Is.EqualTo(_scenarios), $"{test}");
        });
    }

    [Test]
    public void A_specs_root_given_on_the_command_line_builds_as_one_set_in_the_project()
    {
        // A global property cannot be reassigned by the build file, so it must not need to be:
        // given as it would be typed (absolute, no final separator), it once reached the globs raw.
        // Built beside, not over, the build the other cases test.
        var build = _workspace.Dotnet("build", OutsideWorkspace.Tests, $"-p:VmSpecSpecsRoot={_workspace.SpecsFolder}",
            "-p:IntermediateOutputPath=obj/command-line-root/", "-p:OutputPath=bin/command-line-root/");

        Assert.That(build.ExitCode, Is.Zero, $"dotnet build: {build}");
        Assert.That(Warning().IsMatch(build.Output), Is.False, $"dotnet build: {build}");
    }

    [Test]
    public void A_scenario_renamed_or_deleted_since_the_last_build_takes_its_test_with_it()
    {
        // File.Copy keeps the source's time, as a checkout of older files does, and a move keeps it
        // too, as 'mv' and 'git mv' do; a delete leaves no time at all. None is newer than the last
        // build: only the build file's list of scenario files tells the compiler to run the generator again.
        var area = Path.Combine(_workspace.SpecsFolder, "sv48");
        var added = Path.Combine(area, "zz-added.yaml");
        var moved = Path.Combine(area, "zz-moved.yaml");
        File.Copy(Directory.GetFiles(area, "*.yaml").Order(StringComparer.Ordinal).First(), added);
        try
        {
            Assert.That(TestsAfterBuild(), Has.Some.Contains("ZzAdded(").And.None.Contains("ZzMoved("));
            File.Move(added, moved);
            Assert.That(TestsAfterBuild(), Has.Some.Contains("ZzMoved(").And.None.Contains("ZzAdded("));
            File.Delete(moved);
            Assert.That(TestsAfterBuild(), Has.None.Contains("ZzMoved(").And.None.Contains("ZzAdded("));
        }
        finally
        {
            File.Delete(added);
            File.Delete(moved);
        }
    }

    /// <summary>The tests a plain (incremental) build of the test project lists.</summary>
    private IReadOnlyList<string> TestsAfterBuild()
    {
        var build = _workspace.Dotnet("build", OutsideWorkspace.Tests);
        Assert.That(build.ExitCode, Is.Zero, $"dotnet build: {build}");
        var list = _workspace.Dotnet("test", OutsideWorkspace.Tests, "--no-build", "--list-tests");
        Assert.That(list.ExitCode, Is.Zero, $"dotnet test --list-tests: {list}");
        return list.Output.Split('\n').Select(line => line.Trim()).ToList();
    }

    [Test]
    public void The_installed_tool_runs_the_scenarios_on_the_plugin()
    {
        var run = DotnetCommand.Run(InstalledTool(), _workspace.Root, _workspace.Environment,
            "run", _workspace.SpecsFolder, "--plugin", _workspace.PluginPath);
        Assert.That(run.ExitCode, Is.Zero, $"vmspec run: {run}");
        Assert.That(run.Output, Does.Contain($"{_scenarios} scenarios, {_scenarios} runs: {_scenarios} passed, 0 failed, 0 skipped"));
    }

    [Test]
    public void The_installed_tool_refuses_a_plugin_without_the_packages_it_uses_and_says_how_to_build_it()
    {
        // The plug-in alone, as a build without EnableDynamicLoading leaves it: no Newtonsoft.Json beside it.
        var alone = Directory.CreateDirectory(Path.Combine(_workspace.Root, "alone")).FullName;
        var plugin = Path.Combine(alone, Path.GetFileName(_workspace.PluginPath));
        File.Copy(_workspace.PluginPath, plugin);

        var run = DotnetCommand.Run(InstalledTool(), _workspace.Root, _workspace.Environment, "run", _workspace.SpecsFolder, "--plugin", plugin);

        Assert.That(run.ExitCode, Is.EqualTo(2), $"vmspec run: {run}");
        Assert.That(run.Output, Does.Contain("it references Newtonsoft.Json, found neither beside it nor in vmspec")
            .And.Contain("<EnableDynamicLoading>true</EnableDynamicLoading>"));
    }

    [Test]
    public void The_installed_tool_writes_the_corpus_it_was_built_with_and_runs_it()
    {
        var specs = Path.Combine(_workspace.Root, "corpus", "specs");
        var write = DotnetCommand.Run(InstalledTool(), _workspace.Root, _workspace.Environment, "corpus", specs, "--area", "tlb");
        Assert.That(write.ExitCode, Is.Zero, $"vmspec corpus: {write}");
        var tlb = Directory.GetFiles(Path.Combine(OutsideWorkspace.Repository, "specs", "tlb"), "*.yaml").Length;

        var run = DotnetCommand.Run(InstalledTool(), _workspace.Root, _workspace.Environment, "run", specs);
        Assert.That(run.ExitCode, Is.Zero, $"vmspec run: {run}");
        Assert.That(run.Output, Does.Match($"(^|\\n){tlb} scenarios, [0-9]+ runs: [0-9]+ passed, 0 failed, 0 skipped"));
    }

    /// <summary>The vmspec tool, installed from the feed into the workspace on first use.</summary>
    private string InstalledTool()
    {
        var tools = Path.Combine(_workspace.Root, "tools");
        var tool = Path.Combine(tools, "vmspec");
        if (File.Exists(tool))
            return tool;
        var install = _workspace.Dotnet("tool", "install", "vmspec", "--version", OutsideWorkspace.Version, "--tool-path", tools);
        Assert.That(install.ExitCode, Is.Zero, $"dotnet tool install: {install}");
        return tool;
    }

    [GeneratedRegex(@": warning [A-Z]+[0-9]+")]
    private static partial Regex Warning();

    [GeneratedRegex(@"Failed:\s*(?<failed>\d+), Passed:\s*(?<passed>\d+)")]
    private static partial Regex TestSummary();
}
