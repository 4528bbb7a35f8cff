using VmSpec.Cli.Commands;

namespace VmSpec.Cli.Tests;

/// <summary>
/// <c>vmspec corpus</c> writes the corpus the program was built with, byte for byte, into a folder
/// the user then owns; run again by a newer corpus it updates what it wrote and nobody edited, never
/// overwrites an edit, and says what it did.
/// </summary>
public class CorpusCommandTests
{
    [Test]
    public void Writes_every_file_of_the_repository_corpus_and_the_copy_runs_green()
    {
        using var target = new ScratchSpecs();
        var specs = Path.Combine(target.Root, "specs");

        var run = CliRun.Of("corpus", specs);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var expected = FilesUnder(RepositoryPaths.Specs);
        Assert.That(FilesUnder(specs), Is.EqualTo(expected));
        foreach (var file in expected)
            Assert.That(File.ReadAllBytes(Path.Combine(specs, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(RepositoryPaths.Specs, file))), file);
        var scenarios = expected.Count(file => file.EndsWith(".yaml", StringComparison.Ordinal));
        Assert.That(run.Output, Does.StartWith($"{scenarios} scenarios in kernel, segmentation, single-level, sv39, sv48, tlb into {specs}; files written: {expected.Count}, updated: 0, already there: 0, edits kept: 0"));
        Assert.That(File.Exists(Path.Combine(specs, ".vmspec-corpus")), "the manifest of what was written");

        var copy = CliRun.Of("run", Path.Combine(specs, "tlb"), Path.Combine(specs, "single-level"));
        Assert.That(copy.ExitCode, Is.Zero, copy.ToString());
    }

    [Test]
    public void An_area_brings_its_files_and_the_schema_they_name()
    {
        using var target = new ScratchSpecs();

        var run = CliRun.Of("corpus", target.Root, "--area", "single-level");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var expected = FilesUnder(Path.Combine(RepositoryPaths.Specs, "single-level")).Select(file => Path.Combine("single-level", file))
            .Append("scenario.schema.json").Order(StringComparer.Ordinal);
        Assert.That(FilesUnder(target.Root), Is.EqualTo(expected));
    }

    [Test]
    public void Writing_again_leaves_equal_files_alone()
    {
        using var target = new ScratchSpecs();
        CliRun.Of("corpus", target.Root, "--area", "tlb");
        File.Delete(Path.Combine(target.Root, "tlb", "first-access-misses-then-hits.yaml"));

        var run = CliRun.Of("corpus", target.Root, "--area", "tlb");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var files = FilesUnder(target.Root).Count;
        Assert.That(run.Output, Does.Contain($"; files written: 1, updated: 0, already there: {files - 1}, edits kept: 0, removed: 0"));
    }

    [Test]
    public void A_file_that_differs_is_never_overwritten_and_nothing_is_written()
    {
        using var target = new ScratchSpecs();
        var edited = target.Write("tlb/first-access-misses-then-hits.yaml", "description: mine\n");

        var run = CliRun.Of("corpus", target.Root, "--area", "tlb");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"error: {edited} differs from the corpus's copy, and not as the corpus last wrote it"));
        Assert.That(File.ReadAllText(edited), Is.EqualTo("description: mine\n"));
        Assert.That(FilesUnder(target.Root), Is.EqualTo(new[] { Path.Combine("tlb", "first-access-misses-then-hits.yaml") }));
    }

    [Test]
    public void A_newer_corpus_updates_the_files_it_wrote_that_nobody_edited()
    {
        using var shipped = new ScratchSpecs();
        using var target = new ScratchSpecs();
        shipped.Write("sv39/a.yaml", "first\n");
        shipped.Write("sv39/b.yaml", "first\n");
        Write(shipped, target);
        shipped.Write("sv39/a.yaml", "second\n");
        shipped.Write("sv39/c.yaml", "new\n");

        var (code, output, _) = Write(shipped, target);

        Assert.That(code, Is.Zero);
        Assert.That(File.ReadAllText(Path.Combine(target.Root, "sv39", "a.yaml")), Is.EqualTo("second\n"));
        Assert.That(output, Does.Contain("; files written: 1, updated: 1, already there: 1, edits kept: 0, removed: 0"));
    }

    [Test]
    public void A_file_a_newer_corpus_dropped_is_removed_unless_edited()
    {
        using var shipped = new ScratchSpecs();
        using var target = new ScratchSpecs();
        shipped.Write("sv39/a.yaml", "a\n");
        var dropped = shipped.Write("sv39/old-name.yaml", "old\n");
        var edited = shipped.Write("sv39/retired.yaml", "retired\n");
        shipped.Write("tlb/t.yaml", "t\n");
        Write(shipped, target);
        target.Write("sv39/retired.yaml", "mine\n");
        File.Delete(dropped);
        File.Delete(edited);
        File.Delete(Path.Combine(shipped.Root, "tlb", "t.yaml"));

        var (code, output, error) = Write(shipped, target, areas: ["sv39"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("edits kept: 0, removed: 1"));
            Assert.That(File.Exists(Path.Combine(target.Root, "sv39", "old-name.yaml")), Is.False, "untouched, and gone from the corpus");
            Assert.That(File.ReadAllText(Path.Combine(target.Root, "sv39", "retired.yaml")), Is.EqualTo("mine\n"));
            Assert.That(error, Does.Contain("which the corpus no longer has; it is yours from now on"));
            Assert.That(File.Exists(Path.Combine(target.Root, "tlb", "t.yaml")), "an area not written is not looked at");
        });
        Assert.That(Write(shipped, target, areas: ["sv39"]).Error, Does.Not.Contain("no longer has"), "said once");
    }

    [Test]
    public void An_area_a_newer_corpus_retired_goes_when_the_whole_corpus_is_written()
    {
        using var shipped = new ScratchSpecs();
        using var target = new ScratchSpecs();
        shipped.Write("sv39/a.yaml", "a\n");
        shipped.Write("retired/r.yaml", "r\n");
        Write(shipped, target);
        Directory.Delete(Path.Combine(shipped.Root, "retired"), recursive: true);

        Write(shipped, target, areas: ["sv39"]);
        Assert.That(File.Exists(Path.Combine(target.Root, "retired", "r.yaml")), "an area not asked for is not looked at");

        var (code, output, _) = Write(shipped, target);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("removed: 1"));
            Assert.That(File.Exists(Path.Combine(target.Root, "retired", "r.yaml")), Is.False, "untouched, and its area gone from the corpus");
            Assert.That(File.Exists(Path.Combine(target.Root, "sv39", "a.yaml")));
        });
    }

    [Test]
    public void An_edit_of_a_corpus_file_stops_an_update_unless_kept()
    {
        using var shipped = new ScratchSpecs();
        using var target = new ScratchSpecs();
        shipped.Write("sv39/a.yaml", "first\n");
        Write(shipped, target);
        var edited = target.Write("sv39/a.yaml", "mine\n");
        shipped.Write("sv39/a.yaml", "second\n");
        shipped.Write("sv39/b.yaml", "new\n");

        var refused = Write(shipped, target);
        Assert.That(refused.Code, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(target.Root, "sv39", "b.yaml")), Is.False, "nothing written");

        var kept = Write(shipped, target, keepEdits: true);
        Assert.Multiple(() =>
        {
            Assert.That(kept.Code, Is.Zero);
            Assert.That(File.ReadAllText(edited), Is.EqualTo("mine\n"));
            Assert.That(File.ReadAllText(Path.Combine(target.Root, "sv39", "b.yaml")), Is.EqualTo("new\n"));
            Assert.That(kept.Error, Does.Contain($"warning: kept your edit of {edited}"));
        });

        // Still the user's at the next run: the manifest keeps what the corpus wrote, not the edit.
        Assert.That(Write(shipped, target).Code, Is.EqualTo(2));
    }

    private static (int Code, string Output, string Error) Write(ScratchSpecs shipped, ScratchSpecs target, bool keepEdits = false, string[]? areas = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CorpusCommand.Write(new ShippedCorpus(shipped.Root), target.Root, areas ?? [], keepEdits, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void An_unknown_area_is_refused_with_the_areas_there_are()
    {
        using var target = new ScratchSpecs();

        var run = CliRun.Of("corpus", target.Root, "--area", "../sv39");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("error: no area ../sv39 in the corpus; its areas are kernel, segmentation, single-level, sv39, sv48, tlb"));
        Assert.That(FilesUnder(target.Root), Is.Empty);
    }

    [Test]
    public void A_folder_outside_any_specs_folder_is_written_with_a_warning()
    {
        using var target = new ScratchSpecs();
        var folder = Path.Combine(target.Root, "scenarios");

        var run = CliRun.Of("corpus", folder, "--area", "tlb");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain($"warning: {folder} is not a folder named specs nor inside one"));
        Assert.That(Directory.GetFiles(Path.Combine(folder, "tlb"), "*.yaml"), Is.Not.Empty);
    }

    [Test]
    public void The_help_names_the_areas()
    {
        var run = CliRun.Of("corpus", "--help");

        Assert.That(run.Output, Does.Contain("kernel, segmentation, single-level, sv39, sv48, tlb"));
    }

    /// <summary>The files under a folder, the manifest <c>vmspec corpus</c> keeps there aside.</summary>
    private static List<string> FilesUnder(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path))
            .Where(path => path != ".vmspec-corpus")
            .Order(StringComparer.Ordinal)
            .ToList();
}
