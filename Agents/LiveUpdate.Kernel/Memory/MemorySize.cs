namespace LiveUpdate.Kernel.Memory;

/// <summary>
/// The kernel's <c>memparse()</c>: a C number in base 0 (<c>0x</c> hex, leading 0 octal, else decimal) with an
/// optional K/M/G/T/P/E suffix, and its canonical inverse.
/// </summary>
internal static class MemorySize
{
    private static readonly (char Suffix, int Shift)[] Suffixes =
        [('E', 60), ('P', 50), ('T', 40), ('G', 30), ('M', 20), ('K', 10)];

    /// <summary>Reads a size at <paramref name="pos"/>; false when no digit is there.</summary>
    public static bool TryRead(string text, ref int pos, out ulong value)
    {
        value = 0;
        var (radix, digitsStart) = RadixAt(text, pos);
        var i = digitsStart;
        for (; i < text.Length && DigitValue(text[i]) is var d && d >= 0 && d < radix; i++)
        {
            value = checked((value * (ulong)radix) + (ulong)d);
        }

        if (i == digitsStart)
        {
            return false;
        }

        if (i < text.Length && Array.FindIndex(Suffixes, s => s.Suffix == char.ToUpperInvariant(text[i])) is var k && k >= 0)
        {
            var shift = Suffixes[k].Shift;
            if (value > (ulong.MaxValue >> shift))
            {
                throw new OverflowException();
            }

            value <<= shift;
            i++;
        }

        pos = i;
        return true;
    }

    public static string Format(ulong value)
    {
        if (value == 0)
        {
            return "0";
        }

        foreach (var (suffix, shift) in Suffixes)
        {
            if ((value & ((1UL << shift) - 1)) == 0)
            {
                return $"{value >> shift}{suffix}";
            }
        }

        return $"0x{value:x}";
    }

    // Mirrors _parse_integer_fixup_radix(): "0x" counts only when a hex digit follows; a lone leading 0 is octal.
    private static (int Radix, int DigitsStart) RadixAt(string text, int pos)
    {
        if (pos < text.Length && text[pos] == '0')
        {
            var hex = pos + 2 < text.Length && (text[pos + 1] is 'x' or 'X') && DigitValue(text[pos + 2]) is >= 0 and < 16;
            return hex ? (16, pos + 2) : (8, pos);
        }

        return (10, pos);
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
