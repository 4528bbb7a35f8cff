using System.Reflection;
using Microsoft.CodeAnalysis;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Tests;

/// <summary>
/// A generated test runs the scenario its YAML file holds: the C# data, compiled and loaded, equals
/// what the parser reads from the file, every field and every step (offsets aside, which the data
/// leaves out). A field, step or expectation lost on the way would make a test check less than its
/// scenario says and still pass, so the suite's own outcomes cannot show it.
/// </summary>
public class GeneratedDataTests
{
    private static readonly string Specs = typeof(GeneratedDataTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Specs").Value!;

    /// <summary>Text that C# quotes with escapes, in every field that holds text.</summary>
    private const string HardToQuote = """
        description: "say \"hi\" \\ C:\\x\\n.yaml \t tab, NEL \u0085 LS \u2028 PS \u2029 */ /* {0} \0 end"
        spec: 'single ''quoted'' \n stays two characters'
        mmu: [sv39]
        tags: [a.b_c-d]
        steps:
          - read: 0x1000
        """;

    [Test]
    public void Every_corpus_scenario_is_compiled_to_the_scenario_its_file_holds()
    {
        var files = Directory.GetFiles(Specs, "*.yaml", SearchOption.AllDirectories)
            .Where(path => !path.Contains("__snapshots__", StringComparison.Ordinal))
            .Select(path => GeneratorHarness.Spec(Path.GetRelativePath(Specs, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();

        var compiled = CompiledData(files);

        Assert.That(files, Has.Count.GreaterThan(100), "the corpus was found");
        AssertEqualToParse(files, compiled);
    }

    [Test]
    public void Text_that_csharp_quotes_with_escapes_reaches_the_data_unchanged()
    {
        var files = new List<InMemoryText> { GeneratorHarness.Spec("sv39/quoted.yaml", HardToQuote) };

        var compiled = CompiledData(files);

        Assert.That(compiled.Single().Description, Does.Contain("\"hi\" \\ C:\\x\\n").And.Contain("\u2028").And.Contain("\0"), "the text as YAML reads it");
        AssertEqualToParse(files, compiled);
    }

    private static void AssertEqualToParse(List<InMemoryText> files, List<Scenario> compiled)
    {
        var parsed = files.Select(file => ScenarioParser.Parse(file.Path, file.Text).Scenario).OfType<Scenario>().ToList();
        var byPath = compiled.ToDictionary(scenario => scenario.FilePath);
        Assert.That(byPath.Keys, Is.EquivalentTo(parsed.Select(scenario => scenario.FilePath)), "one data field for each valid file");
        // A record's text names every field, down to each step's expectations; a span's text is its lines and columns.
        Assert.Multiple(() =>
        {
            foreach (var scenario in parsed)
                Assert.That(byPath[scenario.FilePath].ToString(), Is.EqualTo(scenario.ToString()), scenario.FilePath);
        });
    }

    /// <summary>Generates and compiles a suite for <paramref name="files"/>, with a target for every kind they list, and reads back each scenario's data.</summary>
    private static List<Scenario> CompiledData(List<InMemoryText> files)
    {
        var kinds = files.SelectMany(file => ScenarioParser.Parse(file.Path, file.Text).Scenario?.Mmu ?? EquatableArray<string>.Empty).Distinct();
        var targets = string.Join('\n', kinds.Select(kind => $"[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), \"{kind}\")]"));
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, targets, GeneratorHarness.RuntimeHarnessSource)
            .AddReferences(
                MetadataReference.CreateFromFile(typeof(Scenario).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(TestCaseAttribute).Assembly.Location));

        GeneratorHarness.Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);

        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        Assert.That(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()), Is.Empty, "the generated suite compiles");
        var assembly = Assembly.Load(image.ToArray());
        return assembly.GetTypes()
            .Where(type => type.Namespace == "VmSpec.Conformance.Specs")
            .SelectMany(type => type.GetFields(BindingFlags.NonPublic | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(Scenario))
            .Select(field => (Scenario)field.GetValue(null)!)
            .ToList();
    }
}
