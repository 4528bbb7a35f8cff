using VmSpec.Conformance;
using VmSpec.Samples.Sv48;

// Every scenario whose mmu list names sv48 becomes a test case Sv48.<Scenario>(sv48).
[assembly: ConformanceTarget(typeof(Sv48Mmu), "sv48")]
