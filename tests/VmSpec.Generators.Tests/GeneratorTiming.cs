using System.Diagnostics;

namespace VmSpec.Generators.Tests;

/// <summary>
/// A driver timing, not a benchmark: a cold run over 1,000 scenario files must stay well under a
/// second (bench/VmSpec.Benchmarks/GeneratorBenchmarks.cs measures it properly). The bound here is
/// generous so a loaded CI machine does not make it flaky, while a quadratic slip would still fail it.
/// </summary>
public class GeneratorTiming
{
    [Test]
    public void A_thousand_scenarios_generate_in_well_under_two_seconds()
    {
        var files = Enumerable.Range(0, 1000).Select(i => GeneratorHarness.Spec($"sv39/s{i}.yaml", Scenarios.Numbered(i))).ToList();
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets);
        GeneratorHarness.Driver(files.Take(5)).RunGenerators(compilation); // JIT and reflection caches

        var clock = Stopwatch.StartNew();
        var result = GeneratorHarness.Driver(files).RunGenerators(compilation).GetRunResult();
        clock.Stop();

        TestContext.Out.WriteLine($"1,000 scenarios: {clock.ElapsedMilliseconds} ms");
        Assert.That(result.GeneratedTrees, Has.Length.EqualTo(1001));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }
}
