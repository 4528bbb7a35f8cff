using System.CommandLine;

namespace VmSpec.Cli.Commands;

/// <summary>
/// <c>vmspec corpus [FOLDER] [--area AREA]...</c>: writes the scenario corpus this vmspec was built
/// with into FOLDER (default <c>specs</c>), so that a project without a clone of the repository can
/// run it, on the built-in MMUs and its own, and owns the copy: its snapshots can be updated there.
/// A file already there is left alone when it is the same; when one differs nothing is written,
/// since it may be the user's edit (exit 2).
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
        var command = new Command("corpus", "Write the scenario corpus this vmspec was built with into a folder of your own.") { folder, areas };
        command.SetAction(parse =>
            Write(shipped, parse.GetValue(folder)!, parse.GetValue(areas) ?? [], output, error));
        return command;
    }

    internal static int Write(ShippedCorpus corpus, string target, IReadOnlyList<string> areas, TextWriter output, TextWriter error)
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
        if (!Path.GetFullPath(target).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Contains("specs"))
            error.WriteLine($"warning: {target} is not a folder named specs nor inside one; the generator takes no scenario from it (VMS1005)");

        var chosen = areas.Count > 0 ? areas.Distinct().ToList() : known;
        var files = corpus.FilesOf(chosen);
        var differing = files.Where(file => Differs(Path.Combine(corpus.Folder, file), Path.Combine(target, file))).ToList();
        if (differing.Count > 0)
        {
            foreach (var file in differing)
                error.WriteLine($"error: {Path.Combine(target, file)} exists and differs from the corpus's copy");
            error.WriteLine("nothing written: move or delete those files, or write the corpus to another folder");
            return ExitCodes.FormatError;
        }

        var written = 0;
        foreach (var file in files)
        {
            var destination = Path.Combine(target, file);
            if (File.Exists(destination))
                continue;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(Path.Combine(corpus.Folder, file), destination);
                written++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot write {destination}: {exception.Message}");
                return ExitCodes.FormatError;
            }
        }
        var scenarios = files.Count(file => file.EndsWith(".yaml", StringComparison.Ordinal));
        output.WriteLine($"{scenarios} scenarios in {string.Join(", ", chosen)}: {written} files written to {target}, {files.Count - written} already there");
        return ExitCodes.Passed;
    }

    private static bool Differs(string shipped, string existing) =>
        File.Exists(existing) && !File.ReadAllBytes(shipped).AsSpan().SequenceEqual(File.ReadAllBytes(existing));
}
