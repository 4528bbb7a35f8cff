namespace VmSpec.Scenarios.Tests;

public class DiagnosticCatalogTests
{
    [Test]
    public void Ids_are_unique_contiguous_and_in_order()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToArray();
        var expected = Enumerable.Range(1, ids.Length).Select(i => $"VMS{i:0000}").ToArray();
        Assert.That(ids, Is.EqualTo(expected));
    }

    [Test]
    public void Every_descriptor_is_documented_in_diagnostics_md()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot.Find(), "docs", "diagnostics.md"));
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.That(doc, Does.Contain("## " + descriptor.Id + " " + descriptor.Title), descriptor.Id);
        }
    }

    [Test]
    public void Diagnostic_prints_in_compiler_form()
    {
        var diagnostic = DiagnosticCatalog.MissingKey.Create("specs/a/b.yaml", new SourceSpan(3, 5, 3, 9, 20, 24), "va", "'map'");
        Assert.That(diagnostic.ToString(), Is.EqualTo("specs/a/b.yaml(3,5): error VMS0005: Missing required key 'va' in 'map'"));
        Assert.That((diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn), Is.EqualTo((3, 5, 3, 9)));
    }
}
