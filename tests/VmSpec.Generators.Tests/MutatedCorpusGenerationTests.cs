using System.Reflection;
using CsCheck;
using Microsoft.CodeAnalysis;
using VmSpec.Generators.Model;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Tests;

/// <summary>
/// The corpus's files, cut and spliced at random and salted with text that is hard to quote in C#
/// (quotes, backslashes, comment ends, line separators, NUL, huge numbers). Whatever comes of it,
/// the generator must report, never throw (nor hide a throw in an internal-error diagnostic); every error it reports must point into the file it
/// names; and what it generates for the files it accepts must compile without a warning.
/// </summary>
public class MutatedCorpusGenerationTests
{
    private const int FilesPerRun = 24;

    private static readonly string Specs = typeof(MutatedCorpusGenerationTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Specs").Value!;

    private static readonly IReadOnlyList<(string Relative, string Text)> Corpus = Directory
        .GetFiles(Specs, "*.yaml", SearchOption.AllDirectories)
        .Where(path => !path.Contains("__snapshots__", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(path => (Path.GetRelativePath(Specs, path).Replace('\\', '/'), File.ReadAllText(path)))
        .ToList();

    private static readonly string[] Salt =
    [
        "\"", "\\", "\\\"", "*/", "/*", "\n", "\r\n", "\r", "\t", "\u2028", "\u0085", "\0", "{", "}", "{{", "#line 1",
        "'", "''", ": ", "- ", "&a ", "*a", "!!int ", "!!str ", "---\n", "...\n", "0x", "-1", "0x_", "1e9",
        "18446744073709551616", "0xFFFFFFFFFFFFFFFF", "0x1_0000_0000_0000_0000", "@", "`", "%", "|", ">", "😀", "ü",
        "    ", "\n  - ", "\n    expect: ", "\nsteps:\n", "null", "~", "true", "[", "]", ",",
    ];

    [Test]
    public void Generator_reports_every_mutation_and_what_it_accepts_compiles()
    {
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[0, 64], Gen.Int[0, Salt.Length - 1]);
        var file = Gen.Select(Gen.Int[0, Corpus.Count - 1], edit.Array[1, 4]);
        var accepted = 0;
        var refused = 0;
        file.Array[FilesPerRun].Sample(files =>
        {
            var texts = files.Select((f, i) => MutatedText(f.Item1, f.Item2, i)).ToList();
            var outcome = Generate(texts);
            accepted += outcome.Accepted;
            refused += outcome.Refused;
            if (outcome.Problem is null)
                return true;
            TestContext.Out.WriteLine(outcome.Problem);
            return false;
        }, iter: 40, threads: 1);

        // Both sides must be well represented, or the run proves little about one of them.
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.GreaterThan(100), "files accepted");
            Assert.That(refused, Is.GreaterThan(100), "files refused");
        });
    }

    private static InMemoryText MutatedText(int source, (int Kind, int At, int Length, int Salt)[] edits, int index)
    {
        var (relative, text) = Corpus[source];
        foreach (var (kind, at, length, salt) in edits)
        {
            var start = text.Length == 0 ? 0 : at % text.Length;
            var count = Math.Min(length, text.Length - start);
            text = kind switch
            {
                0 => text.Remove(start, count),
                1 => text.Insert(start, text.Substring(start, count)),
                2 => text.Insert(start, Salt[salt]),
                _ => text.Remove(start, count).Insert(start, Salt[salt]),
            };
        }
        // A path of its own, so the files of one run never clash by name.
        return GeneratorHarness.Spec(relative.Replace(".yaml", $"-m{index}.yaml", StringComparison.Ordinal), text);
    }

    private static (int Accepted, int Refused, string? Problem) Generate(IReadOnlyList<InMemoryText> files)
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets, GeneratorHarness.RuntimeHarnessSource)
            .AddReferences(
                MetadataReference.CreateFromFile(typeof(VmSpec.Scenarios.Scenario).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(TestCaseAttribute).Assembly.Location));
        var driver = GeneratorHarness.Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var diagnostics);

        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
            return (0, 0, $"The generator threw: {exception}\n{Dump(files)}");

        // A safety net that caught something is a bug it hid: the parser's or the generator's.
        if (diagnostics.FirstOrDefault(d => d.Id == GeneratorDiagnostics.InternalErrorId || d.Id == DiagnosticCatalog.InternalError.Id) is { } internalError)
            return (0, 0, $"An internal error: {internalError}\n{Dump(files)}");

        var refusedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var span = diagnostic.Location.GetLineSpan();
            var file = files.FirstOrDefault(f => f.Path == span.Path);
            if (file is null || span.StartLinePosition.Line > file.Text.Split('\n').Length || span.StartLinePosition.Character < 0)
                return (0, 0, $"An error that points nowhere in its file: {diagnostic}\n{Dump(files)}");
            refusedPaths.Add(file.Path);
        }

        // Emitted, not only bound: some limits (names, literals) are checked only then.
        var emitted = generated.Emit(Stream.Null).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (emitted.Count > 0)
            return (0, 0, $"Generated code that does not compile cleanly:\n{string.Join('\n', emitted)}\n{Dump(files)}");
        return (files.Count - refusedPaths.Count, refusedPaths.Count, null);
    }

    private static string Dump(IEnumerable<InMemoryText> files) =>
        string.Join('\n', files.Select(f => $"--- {f.Path}\n{f.Text}"));
}
