using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using VmSpec.Generators;

namespace VmSpec.Benchmarks;

/// <summary>
/// The conformance generator over 1,000 scenario files: a cold run (every file parsed and emitted) and
/// a warm run after one file changed (what an IDE keystroke costs). The budget is 1 s for the cold run.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Files = 1000;
    private List<AdditionalText> _files = [];
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = Enumerable.Range(0, Files).Select(i => (AdditionalText)new Text($"/repo/specs/sv39/s{i}.yaml", Yaml(i))).ToList();
        _compilation = CSharpCompilation.Create("Consumer",
            [CSharpSyntaxTree.ParseText("""
                namespace VmSpec.Conformance { [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)] public sealed class ConformanceTargetAttribute(System.Type t, string k) : System.Attribute { } }
                [assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39")]
                """)],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VmSpec.Core.Machine).Assembly.Location)]);
        _warm = Driver(_files).RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver Cold() => Driver(_files).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver OneFileEdited() =>
        _warm.ReplaceAdditionalText(_files[500], new Text(_files[500].Path, Yaml(500) + "  - read: 0x1000\n")).RunGenerators(_compilation);

    private static GeneratorDriver Driver(IEnumerable<AdditionalText> files) =>
        CSharpGeneratorDriver.Create([new ConformanceGenerator().AsSourceGenerator()], files);

    private static string Yaml(int i) => $"description: Scenario {i}.\nmmu: [sv39]\nsteps:\n  - map: {{ va: 0x{i + 1:x}000, perm: r }}\n  - read: 0x{i + 1:x}010\n    expect: {{ tlb: miss }}\n";

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
