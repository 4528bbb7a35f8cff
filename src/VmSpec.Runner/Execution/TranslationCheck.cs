using VmSpec.Core.Mmu;
using VmSpec.Scenarios;
using FaultKind = VmSpec.Scenarios.FaultKind;
using FaultReason = VmSpec.Scenarios.FaultReason;

namespace VmSpec.Runner.Execution;

/// <summary>
/// Compares what an MMU did with what a step expected, and says the difference in one line:
/// <c>expected pa 0x8020_1234, got load-page-fault (reserved): L2[001] 0x... -> L1[000] 0x...</c>.
/// </summary>
internal static class TranslationCheck
{
    public static string? Compare(Translation actual, ulong? pa, FaultKind? fault, FaultReason? reason, TlbOutcome? tlb, bool hasTlb)
    {
        string? expected = null;
        if (fault is { } kind)
        {
            var reasonMatches = reason is not { } why || actual.Reason == Vocabulary.ToReason(why);
            if (!actual.IsFault || actual.Fault != Vocabulary.ToFault(kind) || !reasonMatches)
                expected = Faults.Name(Vocabulary.ToFault(kind)) + (reason is { } r ? $" ({Faults.Name(Vocabulary.ToReason(r))})" : "");
        }
        else if (actual.IsFault)
        {
            expected = pa is { } address ? "pa " + Hex.Format(address) : "success";
        }
        else if (pa is { } address && actual.PhysicalAddress != address)
        {
            expected = "pa " + Hex.Format(address);
        }

        if (expected is null && tlb is { } outcome && actual.TlbHit != (outcome == TlbOutcome.Hit))
            expected = outcome == TlbOutcome.Hit ? "a TLB hit" : "a TLB miss";

        return expected is null ? null : $"expected {expected}, got {Describe(actual, hasTlb)}";
    }

    /// <summary>What the MMU did; a success says whether the TLB answered, where there is one.</summary>
    public static string Describe(Translation actual, bool hasTlb)
    {
        var what = actual.IsFault
            ? $"{Faults.Name(actual.Fault)} ({Faults.Name(actual.Reason)})"
            : $"pa {Hex.Format(actual.PhysicalAddress)}" + (hasTlb ? $" (TLB {(actual.TlbHit ? "hit" : "miss")})" : "");
        return actual.Walk is { Steps.Count: > 0 } walk ? $"{what}: {walk}" : what;
    }
}
