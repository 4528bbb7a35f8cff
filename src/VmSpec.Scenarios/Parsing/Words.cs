using System;
using System.Collections.Generic;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>A closed set of words and the enum values they stand for, in the order the format lists them.</summary>
    internal sealed class Words<T> where T : struct
    {
        private readonly Dictionary<string, T> map = new Dictionary<string, T>(StringComparer.Ordinal);

        public Words(params (string Word, T Value)[] words)
        {
            var names = new List<string>(words.Length);
            foreach (var (word, value) in words)
            {
                map.Add(word, value);
                names.Add(word);
            }
            Expected = string.Join(", ", names);
        }

        /// <summary>"a, b, c": for messages.</summary>
        public string Expected { get; }

        public bool TryGet(string word, out T value) => map.TryGetValue(word, out value);
    }

    /// <summary>The words of the format, each set written once.</summary>
    internal static class Vocabulary
    {
        public static readonly Words<AccessOp> Ops = new Words<AccessOp>(
            ("read", AccessOp.Read), ("write", AccessOp.Write), ("execute", AccessOp.Execute));

        public static readonly Words<PrivilegeMode> Modes = new Words<PrivilegeMode>(
            ("user", PrivilegeMode.User), ("supervisor", PrivilegeMode.Supervisor));

        public static readonly Words<FaultKind> Faults = new Words<FaultKind>(
            ("instruction-page-fault", FaultKind.InstructionPageFault),
            ("load-page-fault", FaultKind.LoadPageFault),
            ("store-page-fault", FaultKind.StorePageFault),
            ("instruction-access-fault", FaultKind.InstructionAccessFault),
            ("load-access-fault", FaultKind.LoadAccessFault),
            ("store-access-fault", FaultKind.StoreAccessFault),
            ("segmentation-fault", FaultKind.SegmentationFault));

        public static readonly Words<FaultReason> Reasons = new Words<FaultReason>(
            ("invalid", FaultReason.Invalid),
            ("reserved", FaultReason.Reserved),
            ("no-leaf", FaultReason.NoLeaf),
            ("permission", FaultReason.Permission),
            ("misaligned-superpage", FaultReason.MisalignedSuperpage),
            ("non-canonical", FaultReason.NonCanonical),
            ("not-accessed", FaultReason.NotAccessed),
            ("not-dirty", FaultReason.NotDirty),
            ("out-of-range", FaultReason.OutOfRange),
            ("limit", FaultReason.Limit),
            ("selector", FaultReason.Selector));

        public static readonly Words<TlbOutcome> TlbOutcomes = new Words<TlbOutcome>(
            ("hit", TlbOutcome.Hit), ("miss", TlbOutcome.Miss));

        public static readonly Words<KernelError> Errors = new Words<KernelError>(
            ("out-of-memory", KernelError.OutOfMemory), ("invalid", KernelError.Invalid));

        public static readonly Words<ProcessSignal> Signals = new Words<ProcessSignal>(
            ("SIGSEGV", ProcessSignal.Sigsegv), ("SIGKILL", ProcessSignal.Sigkill));

        public static readonly Words<SegmentationMode> SegmentationModes = new Words<SegmentationMode>(
            ("explicit", SegmentationMode.Explicit), ("top-bits", SegmentationMode.TopBits));

        public static readonly Words<AccessDirtyPolicy> AdPolicies = new Words<AccessDirtyPolicy>(
            ("hardware", AccessDirtyPolicy.Hardware), ("fault", AccessDirtyPolicy.Fault));

        public static readonly Words<GrowDirection> Directions = new Words<GrowDirection>(
            ("up", GrowDirection.Up), ("down", GrowDirection.Down));
    }
}
