using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VmSpec.Core;

namespace VmSpec.Generators.Tests;

/// <summary>Runs the generator on in-memory compilations, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    /// <summary>The attribute as the runtime library declares it, so tests need not reference that library.</summary>
    public const string AttributeSource = """
        namespace VmSpec.Conformance
        {
            [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
            public sealed class ConformanceTargetAttribute(System.Type mmu, string kind) : System.Attribute
            {
                public System.Type Mmu { get; } = mmu;

                public string Kind { get; } = kind;

                public string? Name { get; set; }
            }
        }
        """;

    public const string BuiltInTargets = """
        [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39")]
        [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.SingleLevelMmu), "single-level")]
        [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Segmentation.SegmentationUnit), "segmentation")]
        """;

    /// <summary>The runtime library's harness, reduced to what generated code calls.</summary>
    public const string RuntimeHarnessSource = """
        namespace VmSpec.Conformance
        {
            public sealed record DeclaredTarget(string Name, string Kind, System.Func<VmSpec.Core.Machine, VmSpec.Core.Mmu.IMmu> Create);

            public sealed class ConformanceHarness(System.Collections.Generic.IReadOnlyList<DeclaredTarget> targets)
            {
                public System.Collections.Generic.IReadOnlyList<DeclaredTarget> Targets { get; } = targets;

                public void Run(VmSpec.Scenarios.Scenario scenario, string targetName) { }
            }
        }
        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Machine).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, bool track = false, BuildProperties? properties = null, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            [new ConformanceGenerator().AsSourceGenerator()],
            files,
            parseOptions ?? ParseOptions,
            properties,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public static GeneratorRunResult Run(IEnumerable<AdditionalText> files, params string[] sources) =>
        Driver(files).RunGenerators(Compilation([AttributeSource, .. sources])).GetRunResult().Results.Single();

    public static InMemoryText Spec(string relative, string yaml) => new("/repo/specs/" + relative, yaml);
}
