using System.Text;

namespace VmSpec.Runner.Execution;

/// <summary>Addresses printed the way scenarios write them: 0x8020_1234, groups of four digits.</summary>
public static class Hex
{
    public static string Format(ulong value)
    {
        var digits = value.ToString("x");
        var text = new StringBuilder("0x", digits.Length + 8);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 4 == 0)
                text.Append('_');
            text.Append(digits[i]);
        }
        return text.ToString();
    }
}
