using System.CommandLine;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Commands;

/// <summary>
/// <c>vmspec corpus [FOLDER] [--area AREA]... [--keep-edits]</c>: writes the scenario corpus this
/// vmspec was built with into FOLDER (default <c>specs</c>), so that a project without a clone of the
/// repository can run it, on the built-in MMUs and its own, and owns the copy: its snapshots can be
/// updated there. Run again by a newer vmspec, it updates the files it wrote that nobody has edited
/// since (<see cref="CorpusManifest"/>). A file that differs otherwise is the user's: nothing is
/// written (exit 2), or with <c>--keep-edits</c> everything else is and that file is kept.
/// </summary>
public static class CorpusCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "Where to write the corpus: a folder named specs, or one inside it, as the generator expects.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "specs",
        };
        var shipped = ShippedCorpus.BesideTheProgram;
        var areas = new Option<string[]>("--area")
        {
            Description = "Write only this area; repeatable. "
                + (shipped.Exists ? $"The areas: {string.Join(", ", shipped.Areas)}." : "This vmspec has no corpus."),
        };
        var keepEdits = new Option<bool>("--keep-edits") { Description = "Write the rest when files there differ from what the corpus last wrote, and keep those." };
        var command = new Command("corpus", "Write the scenario corpus this vmspec was built with into a folder of your own.") { folder, areas, keepEdits };
        command.SetAction(parse =>
            Write(shipped, parse.GetValue(folder)!, parse.GetValue(areas) ?? [], parse.GetValue(keepEdits), output, error));
        return command;
    }

    internal static int Write(ShippedCorpus corpus, string target, IReadOnlyList<string> areas, bool keepEdits, TextWriter output, TextWriter error)
    {
        if (!corpus.Exists)
        {
            error.WriteLine($"error: this vmspec has no corpus ({corpus.Folder} is missing)");
            return ExitCodes.FormatError;
        }
        var known = corpus.Areas;
        var unknown = areas.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"error: no area {string.Join(", ", unknown)} in the corpus; its areas are {string.Join(", ", known)}");
            return ExitCodes.FormatError;
        }

        // The generator takes scenarios only from under a folder named specs (VMS1005): say so now,
        // not at the build that would otherwise find no test there.
        if (!SpecsFolder.Holds(Path.GetFullPath(target)))
            error.WriteLine($"warning: {target} is not a folder named specs nor inside one; the generator takes no scenario from it (VMS1005)");

        var chosen = areas.Count > 0 ? areas.Distinct().ToList() : null;
        try
        {
            return WriteFiles(corpus, chosen, target, keepEdits, output, error);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Half a corpus may be written, and the manifest not: a run that can write finishes it.
            error.WriteLine($"error: cannot write into {target}: {exception.Message}");
            return ExitCodes.FormatError;
        }
    }

    /// <summary>Writes the files of <paramref name="chosen"/>, or of the whole corpus when null.</summary>
    private static int WriteFiles(ShippedCorpus corpus, IReadOnlyList<string>? chosen, string target, bool keepEdits, TextWriter output, TextWriter error)
    {
        var areas = chosen ?? corpus.Areas;
        var files = corpus.FilesOf(areas);
        var manifest = CorpusManifest.Read(target);
        var plan = files.Select(file => CorpusFile.Plan(file, corpus.Folder, target, manifest)).ToList();
        var edited = plan.Where(file => file.Action == CorpusFileAction.KeepEdit).ToList();
        if (edited.Count > 0 && !keepEdits)
        {
            foreach (var file in edited)
                error.WriteLine($"error: {file.Destination} differs from the corpus's copy, and not as the corpus last wrote it");
            error.WriteLine("nothing written: move or delete those files, write the corpus to another folder, or keep them with --keep-edits");
            return ExitCodes.FormatError;
        }

        foreach (var file in plan)
            file.Carry(manifest);
        var removed = RemoveDropped(manifest, manifest.DroppedFrom(chosen, files), target, error);
        manifest.Save(target);

        foreach (var file in edited)
            error.WriteLine($"warning: kept your edit of {file.Destination}");
        var scenarios = files.Count(file => file.EndsWith(".yaml", StringComparison.Ordinal));
        int Count(CorpusFileAction action) => plan.Count(file => file.Action == action);
        output.WriteLine($"{scenarios} scenarios in {string.Join(", ", areas)} into {target}; files written: {Count(CorpusFileAction.Write)}, "
            + $"updated: {Count(CorpusFileAction.Update)}, already there: {Count(CorpusFileAction.Same)}, edits kept: {edited.Count}, removed: {removed}");
        return ExitCodes.Passed;
    }

    /// <summary>
    /// Removes the files an earlier corpus wrote and this one no longer has (a scenario renamed or
    /// retired), when nobody has edited them; an edited one is kept, and is the user's from now on.
    /// </summary>
    private static int RemoveDropped(CorpusManifest manifest, IReadOnlyList<string> dropped, string target, TextWriter error)
    {
        var removed = 0;
        foreach (var file in dropped)
        {
            var path = Path.Combine(target, file);
            if (File.Exists(path))
            {
                if (manifest.WroteExactly(file, File.ReadAllBytes(path)))
                {
                    File.Delete(path);
                    removed++;
                }
                else
                {
                    error.WriteLine($"warning: kept your edit of {path}, which the corpus no longer has; it is yours from now on");
                }
            }
            manifest.Forget(file);
        }
        return removed;
    }
}
