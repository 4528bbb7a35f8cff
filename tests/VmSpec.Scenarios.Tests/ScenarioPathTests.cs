namespace VmSpec.Scenarios.Tests;

public class ScenarioPathTests
{
    [TestCase("specs/sv39/misaligned-megapage.yaml", "misaligned-megapage", "sv39")]
    [TestCase("/repo/specs/tlb/asid.yaml", "asid", "tlb")]
    [TestCase(@"C:\repo\specs\kernel\cow.yaml", "cow", "kernel")]
    [TestCase("/a/specs/x/specs/sv39/deep/y.yaml", "y", "sv39")]
    [TestCase("specs/top.yaml", "top", "")]
    [TestCase("elsewhere/segmentation/limit.yaml", "limit", "segmentation")]
    [TestCase("alone.yaml", "alone", "")]
    public void Id_and_area_come_from_the_path(string path, string id, string area)
    {
        var scenario = ScenarioParser.ParseCore(path, "description: d\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n").Scenario!;
        Assert.That((scenario.Id, scenario.Area, scenario.FilePath), Is.EqualTo((id, area, path)));
    }
}
