using Microsoft.CodeAnalysis;

namespace VmSpec.Generators.Tests;

/// <summary>
/// File and folder names that are no C# identifiers as they stand still give code that compiles
/// cleanly: the generated test is compiled here against the real scenario model and NUnit.
/// </summary>
public class GeneratedNamesCompileTests
{
    [TestCase("sv39/class.yaml")] // a keyword
    [TestCase("sv39/1st.yaml")] // starts with a digit
    [TestCase("2048/x.yaml")] // an area that starts with a digit
    [TestCase("top.yaml")] // directly in specs/: no area
    [TestCase("sv39/sv39.yaml")] // the class's own name
    [TestCase("sv39/x.yaml", "sv39/x-data.yaml")] // the first's data field and the second's method
    [TestCase("vm-spec-suite/x.yaml")] // the suite class's name
    [TestCase("sv39/ünïcödé.yaml", "sv39/日本語.yaml")]
    [TestCase("sv39/a b (1).yaml", "sv39/x.y.z.yaml", "sv39/-.yaml")] // no letters at all in the last
    [TestCase("sv39/{long}.yaml")] // longer than metadata takes a name (1024 bytes)
    [TestCase("sv39/a\nb.yaml", "sv39/c\rd.yaml")] // line breaks in a file name, which Linux allows
    [TestCase("sv39/a\u0085b.yaml", "sv39/c\u2028d.yaml", "sv39/e\u2029f.yaml")] // what C# also reads as a line break
    public void Generated_tests_compile_without_errors_or_warnings(params string[] paths)
    {
        var files = paths
            .Select((path, i) => (AdditionalText)GeneratorHarness.Spec(path.Replace("{long}", new string('n', 2000)), Scenarios.Numbered(i)))
            .ToList();
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets, GeneratorHarness.RuntimeHarnessSource)
            .AddReferences(
                MetadataReference.CreateFromFile(typeof(VmSpec.Scenarios.Scenario).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(TestCaseAttribute).Assembly.Location));

        GeneratorHarness.Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        Assert.Multiple(() =>
        {
            Assert.That(generatorDiagnostics, Is.Empty);
            Assert.That(generated.SyntaxTrees.Count() - compilation.SyntaxTrees.Count(), Is.EqualTo(paths.Length + 1), "one source per file, and the suite");
            // Emitted, not only bound: names too long for metadata are refused only then.
            Assert.That(generated.Emit(Stream.Null).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()), Is.Empty);
        });
    }

    [Test]
    public void The_suite_builds_targets_in_namespaces_nested_types_and_generic_types()
    {
        // The namespace Sv39 shares its name with the fixture of specs/sv39, which the generated
        // namespace holds: a type named from there must still be the consumer's. The MMUs' members
        // are left out; only errors in the generated files count here.
        const string targets = """
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(Sv39.Fast.Mmu), "sv39", Name = "in-namespace")]
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(Sv39.Outer.Nested), "sv39", Name = "nested")]
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(Sv39.Generic<int>), "sv39", Name = "generic")]
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(Sv39.Outer.Inner<Sv39.Fast.Mmu>), "sv39", Name = "nested-generic")]
            namespace Sv39.Fast { public class Mmu : VmSpec.Core.Mmu.IMmu { public Mmu(VmSpec.Core.Machine m) { } } }
            namespace Sv39
            {
                public class Outer
                {
                    public class Nested : VmSpec.Core.Mmu.IMmu { public Nested(VmSpec.Core.Machine m) { } }
                    public class Inner<T> : VmSpec.Core.Mmu.IMmu { public Inner(VmSpec.Core.Machine m) { } }
                }
                public class Generic<T> : VmSpec.Core.Mmu.IMmu { public Generic(VmSpec.Core.Machine m) { } }
            }
            """;
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, targets, GeneratorHarness.RuntimeHarnessSource)
            .AddReferences(
                MetadataReference.CreateFromFile(typeof(VmSpec.Scenarios.Scenario).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(TestCaseAttribute).Assembly.Location));

        GeneratorHarness.Driver([GeneratorHarness.Spec("sv39/x.yaml", Scenarios.Numbered(0))])
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        var fromGenerator = generated.SyntaxTrees.Except(compilation.SyntaxTrees).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(generatorDiagnostics, Is.Empty, "each is a target the suite can build");
            Assert.That(fromGenerator, Has.Count.EqualTo(2), "the scenario and the suite");
            Assert.That(generated.GetDiagnostics().Where(d => d.Location.SourceTree is { } tree && fromGenerator.Contains(tree)).Select(d => d.ToString()), Is.Empty);
        });
    }

    [Test]
    public void Generated_tests_compile_cleanly_where_public_members_need_xml_docs()
    {
        // GenerateDocumentationFile, as many projects set it, with warnings as errors: CS1591 on every public member not documented.
        var documented = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets, GeneratorHarness.RuntimeHarnessSource)
            .AddReferences(
                MetadataReference.CreateFromFile(typeof(VmSpec.Scenarios.Scenario).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(TestCaseAttribute).Assembly.Location));

        GeneratorHarness.Driver([GeneratorHarness.Spec("sv39/x.yaml", Scenarios.Numbered(0))], parseOptions: documented)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);

        var fromGenerator = generated.SyntaxTrees.Except(compilation.SyntaxTrees).ToList();
        Assert.That(fromGenerator, Is.Not.Empty);
        Assert.That(generated.GetDiagnostics().Where(d => d.Location.SourceTree is { } tree && fromGenerator.Contains(tree)).Select(d => d.ToString()), Is.Empty);
    }
}
