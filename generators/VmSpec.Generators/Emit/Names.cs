using System.Text;

namespace VmSpec.Generators.Emit
{
    /// <summary>File and folder names made into C# identifiers: <c>misaligned-megapage</c> -> <c>MisalignedMegapage</c>.</summary>
    internal static class Names
    {
        public static string Pascal(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            if (builder.Length == 0 || char.IsDigit(builder[0]))
                builder.Insert(0, '_');
            return builder.ToString();
        }

        /// <summary>A member may not share its class's name (CS0542), e.g. <c>specs/tlb/tlb.yaml</c>.</summary>
        public static string Method(string fixture, string id)
        {
            var method = Pascal(id);
            return method == fixture ? method + "Scenario" : method;
        }
    }
}
