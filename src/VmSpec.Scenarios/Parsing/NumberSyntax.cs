namespace VmSpec.Scenarios.Parsing
{
    internal enum NumberStatus { Ok, Malformed, Overflow }

    /// <summary>
    /// The format's numbers: decimal or <c>0x</c> hex, <c>_</c> only between two digits, optionally
    /// (for sizes) followed by <c>KiB</c>, <c>MiB</c> or <c>GiB</c>. Hand-written: no allocation, no
    /// culture, and overflow is detected rather than wrapped.
    /// </summary>
    internal static class NumberSyntax
    {
        public static NumberStatus TryParse(string text, out ulong value) => TryParse(text, 0, text.Length, out value);

        public static NumberStatus TryParseSize(string text, out ulong value)
        {
            value = 0;
            int end = text.Length;
            int shift = 0;
            if (end > 3 && text[end - 2] == 'i' && text[end - 1] == 'B')
            {
                switch (text[end - 3])
                {
                    case 'K': shift = 10; break;
                    case 'M': shift = 20; break;
                    case 'G': shift = 30; break;
                }
                if (shift != 0) end -= 3;
            }
            var status = TryParse(text, 0, end, out var number);
            if (status != NumberStatus.Ok) return status;
            if (shift != 0 && number > (ulong.MaxValue >> shift)) return NumberStatus.Overflow;
            value = number << shift;
            return NumberStatus.Ok;
        }

        /// <summary>A size that may be negative (sbrk shrinks the heap with a negative byte count).</summary>
        public static NumberStatus TryParseSignedSize(string text, out long value)
        {
            value = 0;
            bool negative = text.Length > 0 && text[0] == '-';
            var status = TryParseSize(negative ? text.Substring(1) : text, out var magnitude);
            if (status != NumberStatus.Ok) return status;
            if (negative)
            {
                if (magnitude > (ulong)long.MaxValue + 1) return NumberStatus.Overflow;
                value = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
            }
            else
            {
                if (magnitude > long.MaxValue) return NumberStatus.Overflow;
                value = (long)magnitude;
            }
            return NumberStatus.Ok;
        }

        public static NumberStatus TryParse(string text, int start, int end, out ulong value)
        {
            value = 0;
            bool hex = end - start > 2 && text[start] == '0' && (text[start + 1] == 'x' || text[start + 1] == 'X');
            if (hex) start += 2;
            if (start >= end) return NumberStatus.Malformed;
            ulong radix = hex ? 16UL : 10UL;
            bool overflow = false;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '_')
                {
                    // A separator must sit between two digits: not first, not last, not doubled.
                    if (i == start || i == end - 1 || text[i + 1] == '_') return NumberStatus.Malformed;
                    continue;
                }
                int digit = Digit(c, hex);
                if (digit < 0) return NumberStatus.Malformed;
                if (value > (ulong.MaxValue - (ulong)digit) / radix) overflow = true;
                value = unchecked(value * radix + (ulong)digit);
            }
            if (overflow)
            {
                value = 0;
                return NumberStatus.Overflow;
            }
            return NumberStatus.Ok;
        }

        private static int Digit(char c, bool hex)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (!hex) return -1;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        public static bool IsPowerOfTwo(ulong value) => value != 0 && (value & (value - 1)) == 0;

        public static int Log2(ulong value)
        {
            int bits = 0;
            while ((value >>= 1) != 0) bits++;
            return bits;
        }
    }
}
