namespace VmSpec.Cli.Tests;

/// <summary><c>vmspec report</c> and <c>--plugin</c>: built-in and plug-in implementations in one table.</summary>
public class ReportCommandTests
{
    private static readonly string ThisAssembly = typeof(ReportCommandTests).Assembly.Location;

    private const string IdentityScenario = """
        description: every address is its own physical address
        mmu: [identity]
        steps:
          - read: 0x8000_1000
            expect: { pa: 0x8000_1000 }
          - write: 0x8000_2008
            expect: { pa: 0x8000_2008 }
        """;

    [Test]
    public void The_report_covers_built_in_and_plug_in_implementations_in_markdown_and_html()
    {
        using var specs = new ScratchSpecs();
        specs.Write("plug/identity.yaml", IdentityScenario);
        specs.Write("plug/wrong.yaml", IdentityScenario.Replace("pa: 0x8000_2008", "pa: 0x8000_2000"));
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var markdown = Path.Combine(specs.Root, "report.md");
        var html = Path.Combine(specs.Root, "report.html");

        var run = CliRun.Of("report", specs.Root, "--plugin", ThisAssembly, "--markdown", markdown, "--html", html);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var table = File.ReadAllText(markdown);
        Assert.That(table, Does.Contain("| IdentityMmu | identity | 1 / **1** / 0 | — | 1 / **1** / 0 |"));
        Assert.That(table, Does.Contain("| sv39 | sv39 | — | 1 / 0 / 0 | 1 / 0 / 0 |"));
        Assert.That(table, Does.Contain("wrong.yaml(6,5): write 0x8000_2008 expected pa 0x8000_2000"));
        Assert.That(File.ReadAllText(html), Does.Match("<td class=\"fail\"><a href=\"#failures-[0-9]+-[0-9]+\">1 / 1 / 0</a></td>").And.Not.Contain("http"));
    }

    [Test]
    public void Run_and_list_take_plug_ins_too()
    {
        using var specs = new ScratchSpecs();
        specs.Write("plug/identity.yaml", IdentityScenario);

        var run = CliRun.Of("run", specs.Root, "--plugin", ThisAssembly);
        var list = CliRun.Of("list", "--plugin", ThisAssembly);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("pass  plug/identity [IdentityMmu]"));
        Assert.That(list.Output, Does.Contain("IdentityMmu").And.Contain("identity"));
        // SupervisorExecutesUserPages, the longest name there, still leaves every kind in one column.
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var kindAt = lines[0].IndexOf("kind", StringComparison.Ordinal);
        Assert.That(lines, Has.All.Match($"^.{{{kindAt - 1}}} (kind|sv39|single-level|segmentation|identity)\\b"), list.Output);
    }

    [TestCase("missing.dll", "no such file", TestName = "A plug-in path that does not exist")]
    [TestCase("not-an-assembly.dll", "plug-in", TestName = "A file that is not an assembly")]
    [TestCase("sv39", "a folder, not an assembly: give the plug-in's .dll", TestName = "A folder given for a plug-in")]
    public void A_plug_in_that_cannot_be_loaded_exits_2_and_says_why(string name, string message)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        specs.Write("not-an-assembly.dll", "just text");

        var run = CliRun.Of("report", Path.Combine(specs.Root, "sv39"), "--plugin", Path.Combine(specs.Root, name));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: plug-in").And.Contain(message));
    }

    [Test]
    public void An_assembly_without_an_mmu_is_refused()
    {
        var run = CliRun.Of("list", "--plugin", typeof(Assert).Assembly.Location);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("no public IMmu type"));
    }
}
