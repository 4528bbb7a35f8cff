using VmSpec.Scenarios.Parsing;

namespace VmSpec.Scenarios
{
    /// <summary>
    /// How an MMU kind is spelled in a scenario's <c>mmu</c> list. An implementation whose kind is
    /// spelled otherwise could never be named by a scenario, so it would run nothing without a word.
    /// </summary>
    public static class KindSpelling
    {
        public const string Rule = NameSyntax.KindOrFeatureRule;

        public static bool IsValid(string kind) => NameSyntax.IsKindOrFeature(kind);

        /// <summary>Why a kind spelled otherwise is refused: "'Sv39' can never be named by ...", for the caller to say whose kind it is.</summary>
        public static string Unnameable(string kind) =>
            $"'{kind}' can never be named by a scenario's mmu list, which spells a kind with {Rule}";
    }
}
