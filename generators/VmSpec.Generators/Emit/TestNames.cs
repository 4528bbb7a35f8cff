namespace VmSpec.Generators.Emit
{
    /// <summary>
    /// The C# names of one scenario's test, from its area and id alone, so that the names of every
    /// scenario are known from the file paths before any file is read.
    /// </summary>
    internal sealed record TestNames(string Fixture, string Method, string HintName)
    {
        /// <summary>
        /// Hint names become file names when the build writes generated files out; 80 characters of
        /// at most three UTF-8 bytes each stay under the common 255-byte limit.
        /// </summary>
        private const int MaxHintStem = 80;

        /// <summary>The field holding the scenario. The <c>_</c> keeps it apart from every method and fixture name.</summary>
        public string Data => Method + "_Data";

        public static TestNames Of(string area, string id)
        {
            var fixture = FixtureOf(area);
            var method = Names.Pascal(id);
            // A member may not share its class's name (CS0542), e.g. specs/tlb/tlb.yaml.
            if (method == fixture)
                method += "Scenario";
            return new TestNames(fixture, method, Names.Bounded(fixture + "." + method, MaxHintStem) + ".g.cs");
        }

        /// <summary>The suite class shares the fixtures' namespace, so an area named after it gets another name.</summary>
        private static string FixtureOf(string area)
        {
            var fixture = Names.Pascal(area);
            return fixture == SuiteEmitter.ClassName ? fixture + "Area" : fixture;
        }
    }
}
