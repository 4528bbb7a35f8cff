using Microsoft.CodeAnalysis;

namespace VmSpec.Generators.Tests;

/// <summary>Every diagnostic the generator reports, each at the place a developer must fix.</summary>
public class DiagnosticTests
{
    [Test]
    public void A_yaml_error_is_a_compile_error_at_its_line_and_column_in_the_yaml_file()
    {
        var yaml = "description: x\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n    expect: { fault: load-page-fault, reason: bogus }\n";

        var result = GeneratorHarness.Run([GeneratorHarness.Spec("sv39/bad.yaml", yaml)], GeneratorHarness.BuiltInTargets);

        var diagnostic = result.Diagnostics.Single();
        var span = diagnostic.Location.GetLineSpan();
        var bogus = yaml.Split('\n')[4].IndexOf("bogus", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Does.StartWith("VMS00"));
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(span.Path, Is.EqualTo("/repo/specs/sv39/bad.yaml"));
            Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(5));
            Assert.That(diagnostic.Location.SourceSpan.Start, Is.EqualTo(yaml.IndexOf("bogus", StringComparison.Ordinal)));
            // The whole node is marked, up to just after it, so an editor underlines the word.
            Assert.That((span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character), Is.EqualTo((bogus, 4, bogus + "bogus".Length)));
            Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EqualTo(new[] { "VmSpecSuite.g.cs" }), "a broken file emits no test");
        });
    }

    [Test]
    public void A_file_the_compiler_decoded_leniently_is_VMS0047_at_its_replacement_character()
    {
        var yaml = "description: caf\uFFFD\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n";

        var result = GeneratorHarness.Run([GeneratorHarness.Spec("sv39/latin1.yaml", yaml)], GeneratorHarness.BuiltInTargets);

        var position = result.Diagnostics.Single().Location.GetLineSpan().StartLinePosition;
        Assert.That((result.Diagnostics.Single().Id, position.Line + 1, position.Character + 1), Is.EqualTo(("VMS0047", 1, 17)));
    }

    [TestCase("latin1", 17, TestName = "A file read with a fallback code page is reported at its first byte that is not UTF-8")]
    [TestCase("utf-16", 1, TestName = "A UTF-16 file is reported as not UTF-8")]
    public void A_file_that_is_not_utf8_is_VMS0046_as_in_the_runner(string encodingName, int column)
    {
        var yaml = "description: caf\u00e9\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n";
        var file = new DecodedText("/repo/specs/sv39/latin1.yaml", yaml, System.Text.Encoding.GetEncoding(encodingName));

        var result = GeneratorHarness.Run([file], GeneratorHarness.BuiltInTargets);

        var diagnostic = result.Diagnostics.First();
        Assert.That((diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1),
            Is.EqualTo(("VMS0046", 1, column)));
    }

    [Test]
    public void A_yaml_syntax_error_is_VMS0001()
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Spec("sv39/bad.yaml", "description: [unclosed\n")], GeneratorHarness.BuiltInTargets);

        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Contain("VMS0001"));
    }

    [Test]
    public void A_yaml_file_under_specs_not_read_for_its_ending_is_warned_of_as_VMS0103()
    {
        AdditionalText[] files =
        [
            GeneratorHarness.Spec("sv39/read.yaml", Scenarios.Numbered(0)),
            GeneratorHarness.Spec("sv39/short.yml", Scenarios.Numbered(1)),
            GeneratorHarness.Spec("sv39/upper.YAML", Scenarios.Numbered(2)),
            new InMemoryText("/repo/config/other-tool.yml", "key: value\n"),
        ];

        var result = GeneratorHarness.Run(files, GeneratorHarness.BuiltInTargets);

        var warnings = result.Diagnostics.Where(d => d.Id == "VMS0103").ToList();
        Assert.That(warnings.Select(d => d.Location.GetLineSpan().Path), Is.EqualTo(new[] { "/repo/specs/sv39/short.yml", "/repo/specs/sv39/upper.YAML" }));
        Assert.That(warnings, Has.All.Property("Severity").EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warnings[0].GetMessage(), Does.Contain("is not read: scenario files end in .yaml, exactly"));
        Assert.That(result.GeneratedSources.Select(source => source.HintName), Has.Exactly(1).Contains("Read"), "the .yaml file still becomes a test");
    }

    [Test]
    public void A_file_that_cannot_be_read_is_one_VMS1000_not_a_crashed_generator()
    {
        var result = GeneratorHarness.Run([new BrokenText("/repo/specs/sv39/x.yaml"), GeneratorHarness.Spec("sv39/ok.yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.BuiltInTargets);

        Assert.Multiple(() =>
        {
            Assert.That(result.Exception, Is.Null);
            Assert.That((result.Diagnostics.Single().Id, result.Diagnostics.Single().Severity), Is.EqualTo(("VMS1000", DiagnosticSeverity.Error)), "an error: the file's tests are missing");
            Assert.That(result.Diagnostics.Single().GetMessage(), Does.Contain("disk on fire"));
            Assert.That(result.GeneratedSources, Has.Length.EqualTo(2), "the other file still generates");
        });
    }

    [Test]
    public void A_file_the_compiler_could_not_read_is_one_VMS1000_not_an_empty_scenario()
    {
        var result = GeneratorHarness.Run([new UnreadableText("/repo/specs/sv39/gone.yaml")], GeneratorHarness.BuiltInTargets);

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "VMS1000" }), "it could not be read, which is not a format error");
    }

    [Test]
    public void A_file_whose_reading_fails_with_any_exception_is_one_VMS1000_not_a_crashed_generator()
    {
        // Not only I/O errors: a permission error, or a bug in whatever hands the text over.
        AdditionalText[] files =
        [
            new BrokenText("/repo/specs/sv39/locked.yaml", new UnauthorizedAccessException("no entry")),
            new BrokenText("/repo/specs/sv39/odd.yaml", new InvalidOperationException("odd state")),
        ];

        var result = GeneratorHarness.Run(files, GeneratorHarness.BuiltInTargets);

        Assert.Multiple(() =>
        {
            Assert.That(result.Exception, Is.Null);
            Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "VMS1000", "VMS1000" }), "one for each file");
            Assert.That(result.Diagnostics.Select(d => d.GetMessage()), Has.One.Contains("no entry").And.One.Contains("odd state"));
        });
    }

    [TestCase("public class NotAnMmu { public NotAnMmu(VmSpec.Core.Machine m) { } }", "NotAnMmu", "does not implement")]
    [TestCase("public abstract class Abstract : VmSpec.Core.Mmu.IMmu { public Abstract(VmSpec.Core.Machine m) { } }", "Abstract", "non-abstract")]
    [TestCase("public class NoCtor : VmSpec.Core.Mmu.IMmu { public NoCtor() { } }", "NoCtor", "no public constructor")]
    [TestCase("public class ByRef : VmSpec.Core.Mmu.IMmu { public ByRef(ref VmSpec.Core.Machine m) { } }", "ByRef", "no public constructor")]
    [TestCase("file class FileLocal : VmSpec.Core.Mmu.IMmu { public FileLocal(VmSpec.Core.Machine m) { } }", "FileLocal", "cannot see it")]
    [TestCase("public class Open<T> : VmSpec.Core.Mmu.IMmu { public Open(VmSpec.Core.Machine m) { } }", "Open<>", "generic type with no type arguments")]
    [TestCase("file class Holder { public class Nested : VmSpec.Core.Mmu.IMmu { public Nested(VmSpec.Core.Machine m) { } } }", "Holder.Nested", "cannot see it")]
    [TestCase("public class Over<T> : VmSpec.Core.Mmu.IMmu { public Over(VmSpec.Core.Machine m) { } } file class Local { }", "Over<Local>", "cannot see it")]
    [TestCase("public class Over<T> : VmSpec.Core.Mmu.IMmu { public Over(VmSpec.Core.Machine m) { } } file class Local { }", "Over<Local[]>", "cannot see it")]
    [TestCase("public class Required : VmSpec.Core.Mmu.IMmu { public Required(VmSpec.Core.Machine m) { } public required int Size { get; init; } }", "Required", "required members")]
    [TestCase("public class Sized { public required int Size { get; init; } } public class Inherits : Sized, VmSpec.Core.Mmu.IMmu { public Inherits(VmSpec.Core.Machine m) { } }", "Inherits", "required members")]
    [TestCase("public struct Value : VmSpec.Core.Mmu.IMmu { public Value(VmSpec.Core.Machine m) { } }", "Value", "non-abstract class")]
    [TestCase("public interface IOwnMmu : VmSpec.Core.Mmu.IMmu { }", "IOwnMmu", "non-abstract class")]
    [TestCase("public class Hidden : VmSpec.Core.Mmu.IMmu { internal Hidden(VmSpec.Core.Machine m) { } }", "Hidden", "no public constructor")]
    // The member bodies are missing on purpose: the generator reads symbols, and compile errors in
    // the consumer must not stop it from saying what is wrong with the registration.
    public void An_invalid_target_is_VMS1001_on_the_attribute(string type, string name, string reason)
    {
        var registration = $"[assembly: VmSpec.Conformance.ConformanceTarget(typeof({name}), \"sv39\")]\n{type}";

        var result = GeneratorHarness.Run([], registration);

        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That((diagnostic.Id, diagnostic.Severity), Is.EqualTo(("VMS1001", DiagnosticSeverity.Error)));
            Assert.That(diagnostic.GetMessage(), Does.Contain(reason));
            Assert.That(diagnostic.Location.SourceTree?.FilePath, Is.EqualTo("Source1.cs"), "in the C# file's own tree");
            Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line, Is.Zero);
        });
    }

    [TestCase("#nullable enable\npublic class MaybeMachine : VmSpec.Core.Mmu.IMmu { public MaybeMachine(VmSpec.Core.Machine? m) { } }", "MaybeMachine")]
    [TestCase("public class SetsAll : VmSpec.Core.Mmu.IMmu { [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public SetsAll(VmSpec.Core.Machine m) { Size = 1; } public required int Size { get; init; } }", "SetsAll")]
    [TestCase("public class Outer { internal class Nested : VmSpec.Core.Mmu.IMmu { public Nested(VmSpec.Core.Machine m) { } } }", "Outer.Nested")]
    public void A_target_the_suite_can_build_is_taken(string type, string name)
    {
        var result = GeneratorHarness.Run([], $"[assembly: VmSpec.Conformance.ConformanceTarget(typeof({name}), \"sv39\")]\n{type}");

        Assert.That(result.Diagnostics.Where(d => d.Id == "VMS1001"), Is.Empty);
    }

    [Test]
    public void An_empty_kind_is_VMS1001()
    {
        var result = GeneratorHarness.Run([], """[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "")]""");

        Assert.That(result.Diagnostics.Single().Id, Is.EqualTo("VMS1001"));
    }

    [Test]
    public void A_kind_no_scenario_can_spell_is_VMS1001()
    {
        var result = GeneratorHarness.Run([], """[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "Sv39")]""");

        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.GetMessage()), Is.EqualTo(("VMS1001",
            "kind 'Sv39' can never be named by a scenario's mmu list, which spells a kind with lowercase letters, digits and '-', starting with a letter")));
    }

    [Test]
    public void A_null_target_name_is_the_kind()
    {
        var result = GeneratorHarness.Run([], """[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39", Name = null)]""");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.GeneratedSources.Single().SourceText.ToString(), Does.Contain("new global::VmSpec.Conformance.DeclaredTarget(\"sv39\", \"sv39\""));
    }

    [TestCase("", TestName = "An empty target name is VMS1001")]
    [TestCase("odd name)", TestName = "A target name that would break the test's name is VMS1001")]
    [TestCase("say \"x\"", TestName = "A target name with quotes is VMS1001")]
    public void A_target_name_that_cannot_end_a_test_name_is_VMS1001(string name)
    {
        var result = GeneratorHarness.Run([], $$"""[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39", Name = {{Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(name, quote: true)}})]""");

        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.GetMessage()), Is.EqualTo(("VMS1001",
            $"Name '{name}' cannot name a conformance target: a target's name is an ASCII letter or digit, then ASCII letters, digits, '_', '-' or '.', as it ends each test's name")));
    }

    [Test]
    public void Two_targets_with_one_name_are_VMS1002()
    {
        var result = GeneratorHarness.Run([], """
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39")]
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.SingleLevelMmu), "single-level", Name = "sv39")]
            """);

        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Severity), Is.EqualTo(("VMS1002", DiagnosticSeverity.Error)));
        Assert.That(diagnostic.Location.SourceTree?.FilePath, Is.EqualTo("Source1.cs"), "in the C# file's own tree");
        Assert.That(diagnostic.Location, Is.Not.EqualTo(Location.None), "at the attribute that repeats the name");
        Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(1), "the second attribute, on the second line");
    }

    [TestCase("/repo/scenarios/", true)]
    [TestCase("/repo/specs/", false)]
    [TestCase(@"C:\repo\specs", false)]
    [TestCase("/repo/specs/sv39/", false)]
    [TestCase("", false)]
    public void A_specs_root_outside_any_specs_folder_is_VMS1005(string root, bool reported)
    {
        var result = RunWithRoot(root, [GeneratorHarness.Spec("sv39/x.yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.AttributeSource);

        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Severity)), Is.EqualTo(reported ? new[] { ("VMS1005", DiagnosticSeverity.Error) } : []));
    }

    [Test]
    public void A_specs_root_with_no_scenario_file_is_a_VMS1006_warning_naming_it()
    {
        var result = RunWithRoot("/repo/specs/", [], GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets);

        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That((diagnostic.Id, diagnostic.Severity), Is.EqualTo(("VMS1006", DiagnosticSeverity.Warning)));
            Assert.That(diagnostic.GetMessage(), Does.Contain("'/repo/specs/'"));
        });
    }

    [Test]
    public void A_specs_root_whose_only_scenario_file_has_errors_is_not_VMS1006()
    {
        // The file is there, and its own errors say what is wrong; "no scenario file" would mislead.
        var result = RunWithRoot("/repo/specs/", [GeneratorHarness.Spec("sv39/x.yaml", "mmu: [sv39]\n")], GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets);

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.Not.Empty.And.Not.Contains("VMS1006"));
    }

    [Test]
    public void A_specs_root_whose_only_yaml_is_not_read_for_its_ending_is_still_VMS1006()
    {
        var result = RunWithRoot("/repo/specs/", [GeneratorHarness.Spec("sv39/x.yml", Scenarios.MisalignedMegapage)], GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets);

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EquivalentTo(new[] { "VMS0103", "VMS1006" }));
    }

    [Test]
    public void A_target_whose_kind_no_scenario_lists_is_a_VMS1007_warning_on_its_attribute()
    {
        var registration = """
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39")]
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv-39", Name = "typo")]
            """;

        var result = RunWithRoot("/repo/specs/", [GeneratorHarness.Spec("sv39/x.yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.AttributeSource, registration);

        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That((diagnostic.Id, diagnostic.Severity), Is.EqualTo(("VMS1007", DiagnosticSeverity.Warning)));
            Assert.That(diagnostic.GetMessage(), Does.Contain("'sv-39'").And.Contain("'typo'"));
            Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(1), "the second attribute, on the second line");
        });
    }

    [Test]
    public void A_target_with_a_name_of_its_own_runs_the_scenarios_of_its_kind_and_is_not_VMS1007()
    {
        var registration = """[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39", Name = "fast-sv39")]""";

        var result = RunWithRoot("/repo/specs/", [GeneratorHarness.Spec("sv39/x.yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.AttributeSource, registration);

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_VMS1007_on_an_attribute_is_silenced_by_pragma_warning_disable_around_it()
    {
        var registration = """
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39")]
            #pragma warning disable VMS1007 // a kind whose scenarios come later
            [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv-39", Name = "later")]
            #pragma warning restore VMS1007
            """;

        var result = RunWithRoot("/repo/specs/", [GeneratorHarness.Spec("sv39/x.yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.AttributeSource, registration);

        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.IsSuppressed), Is.EqualTo(("VMS1007", true)));
        Assert.That(diagnostic.Location.SourceTree, Is.Not.Null, "located in the C# file's own tree");
    }

    [TestCase("Nowhere")]
    [TestCase("System.Collections")] // a namespace, as when a project and its MMU share a name
    public void A_typeof_that_names_no_type_is_left_to_the_compiler_not_VMS1001(string name)
    {
        var result = GeneratorHarness.Run([], $"[assembly: VmSpec.Conformance.ConformanceTarget(typeof({name}), \"sv39\")]");

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Without_a_specs_root_neither_warning_is_given()
    {
        var result = GeneratorHarness.Run([], GeneratorHarness.BuiltInTargets);

        Assert.That(result.Diagnostics, Is.Empty);
    }

    private static GeneratorRunResult RunWithRoot(string root, AdditionalText[] files, params string[] sources) =>
        GeneratorHarness.Driver(files, properties: new BuildProperties(new Dictionary<string, string> { ["VmSpecSpecsFolder"] = root }))
            .RunGenerators(GeneratorHarness.Compilation(sources))
            .GetRunResult().Results.Single();
}
