using System.Text.RegularExpressions;

namespace VmSpec.Scenarios.Tests;

/// <summary>
/// docs/lecture-notes.md lists every rule of the lecture notes with the scenarios that cite it. The
/// page and the corpus must agree both ways, so a rule cannot lose its scenarios unseen and a new
/// citation cannot stay off the page.
/// </summary>
public sealed partial class LectureNotesTests
{
    private const string NotAScenario = "not a scenario:";

    private static readonly string[] Sections = ["1", "2", "2.1", "3", "4", "4.1", "4.2"];

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(ReadRows);

    private static readonly Lazy<IReadOnlyDictionary<string, string?>> SpecByFile = new(ReadCorpus);

    [Test]
    public void Every_section_of_the_notes_has_rules_in_order()
    {
        var sections = Rows.Value.Select(row => row.Section).Distinct().ToArray();

        Assert.That(sections, Is.EqualTo(Sections));
    }

    [Test]
    public void Every_rule_has_a_scenario_or_says_why_not()
    {
        var bare = Rows.Value.Where(row => row.IsRemark ? row.Cell.Length <= NotAScenario.Length + 1 : row.Scenarios.Count == 0);

        Assert.That(bare.Select(row => $"§{row.Section} {row.Rule}"), Is.Empty);
    }

    [Test]
    public void Every_listed_scenario_exists_and_cites_its_rule_s_section()
    {
        var wrong = new List<string>();
        foreach (var row in Rows.Value.Where(row => !row.IsRemark))
            foreach (var file in row.Scenarios)
            {
                if (!SpecByFile.Value.TryGetValue(file, out var spec))
                    wrong.Add($"§{row.Section} {row.Rule}: {file} is no scenario of the corpus");
                else if (!CitedSections(spec).Contains(row.Section))
                    wrong.Add($"§{row.Section} {row.Rule}: {file} does not cite Lecture notes §{row.Section}");
            }

        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    [Test]
    public void Every_scenario_citing_the_notes_is_listed_under_each_section_it_cites()
    {
        var listed = Rows.Value.SelectMany(row => row.Scenarios.Select(file => (row.Section, file))).ToHashSet();
        var missing = SpecByFile.Value
            .SelectMany(pair => CitedSections(pair.Value).Select(section => (section, file: pair.Key)))
            .Where(citation => !listed.Contains(citation))
            .Select(citation => $"{citation.file} cites §{citation.section} but no rule of §{citation.section} lists it")
            .ToList();

        Assert.That(missing, Is.Empty, string.Join("\n", missing));
    }

    [Test]
    public void The_notes_are_cited_in_one_form()
    {
        // One form, so the citations above can be found by pattern and nothing escapes the page.
        var odd = SpecByFile.Value
            .Where(pair => pair.Value is { } spec && spec.Contains("notes", StringComparison.OrdinalIgnoreCase) && !spec.Contains("Lecture notes §", StringComparison.Ordinal))
            .Select(pair => $"{pair.Key}: {pair.Value}")
            .ToList();

        Assert.That(odd, Is.Empty, string.Join("\n", odd));
    }

    [TestCase("Lecture notes §4.2 EAT and §4.1 (caching)", new[] { "4.2", "4.1" })]
    [TestCase("RISC-V Privileged, Sv39 walk step 3; Lecture notes §3 (flags)", new[] { "3" })]
    [TestCase("RISC-V Privileged, Sv39 walk step 6", new string[0])]
    public void A_citation_names_each_section_once_whatever_follows(string spec, string[] sections) =>
        Assert.That(CitedSections(spec), Is.EquivalentTo(sections));

    /// <summary>The sections of the notes a spec field cites: every <c>§N</c> or <c>§N.M</c> in it, when it cites the notes at all.</summary>
    private static IReadOnlySet<string> CitedSections(string? spec) =>
        spec is not null && spec.Contains("Lecture notes", StringComparison.Ordinal)
            ? SectionMark().Matches(spec).Select(match => match.Groups[1].Value).ToHashSet()
            : new HashSet<string>();

    private static IReadOnlyList<Row> ReadRows()
    {
        var path = Path.Combine(RepoRoot.Find(), "docs", "lecture-notes.md");
        return File.ReadLines(path)
            .Select(line => TableRow().Match(line))
            .Where(match => match.Success)
            .Select(match => new Row(
                match.Groups["section"].Value,
                match.Groups["rule"].Value,
                match.Groups["cell"].Value,
                ScenarioLink().Matches(match.Groups["cell"].Value).Select(link => link.Groups[1].Value).ToList()))
            .ToList();
    }

    private static IReadOnlyDictionary<string, string?> ReadCorpus()
    {
        var root = RepoRoot.Find();
        return Directory.GetFiles(Path.Combine(root, "specs"), "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .ToDictionary(file => file, file => ScenarioParser.Parse(file, File.ReadAllText(Path.Combine(root, file))).Scenario?.Spec);
    }

    private sealed record Row(string Section, string Rule, string Cell, IReadOnlyList<string> Scenarios)
    {
        /// <summary>A line of the notes that is history or advice: the cell says why it has no scenario.</summary>
        public bool IsRemark => Cell.StartsWith(NotAScenario, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| (?<section>\d+(?:\.\d+)?) \| (?<rule>.+?) \| (?<cell>.+) \|$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\]\(\.\./(specs/[^)]+\.yaml)\)")]
    private static partial Regex ScenarioLink();

    [GeneratedRegex(@"§(\d+(?:\.\d+)?)")]
    private static partial Regex SectionMark();
}
