using System.Text.RegularExpressions;
using VmSpec.Core.Mmu;
using VmSpec.Runner.Execution;
using Model = VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// The runner's mapping from the scenario model's words to the machine's: every value of the model
/// maps, and to the machine's value of the same name, so a fault expected in YAML is compared
/// with the fault of that name and no other.
/// </summary>
public class VocabularyTests
{
    [TestCaseSource(nameof(Values), new object[] { typeof(Model.FaultReason) })]
    public void A_reason_maps_to_the_machines_reason_of_its_word(Model.FaultReason reason) =>
        Assert.That(Faults.Name(Vocabulary.ToReason(reason)), Is.EqualTo(Word(reason)));

    [TestCaseSource(nameof(Values), new object[] { typeof(Model.FaultKind) })]
    public void A_fault_maps_to_the_machines_fault_of_its_word(Model.FaultKind fault) =>
        Assert.That(Faults.Name(Vocabulary.ToFault(fault)), Is.EqualTo(Word(fault)));

    [TestCaseSource(nameof(Values), new object[] { typeof(Model.AccessOp) })]
    public void An_operation_maps_to_the_access_type_of_its_name(Model.AccessOp op)
    {
        Assert.That(Vocabulary.ToAccessType(op).ToString(), Is.EqualTo(op.ToString()));
        Assert.That(Vocabulary.Name(op), Is.EqualTo(Word(op)));
    }

    [TestCaseSource(nameof(Values), new object[] { typeof(Model.PrivilegeMode) })]
    public void A_mode_maps_to_the_privilege_mode_of_its_name(Model.PrivilegeMode mode) =>
        Assert.That(Vocabulary.ToMode(mode).ToString(), Is.EqualTo(mode.ToString()));

    [Test]
    public void A_value_the_machine_has_no_counterpart_for_is_refused_not_read_as_another() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.ToReason((Model.FaultReason)999));

    private static IEnumerable<object> Values(Type type) => Enum.GetValues(type).Cast<object>();

    /// <summary>The format's word for a value: its name in kebab case (MisalignedSuperpage is misaligned-superpage).</summary>
    private static string Word(Enum value) => Regex.Replace(value.ToString(), "(?<=[a-z])(?=[A-Z])", "-").ToLowerInvariant();
}
