using LiveUpdate.Kernel.CommandLine;

namespace LiveUpdate.Kernel.Memory;

/// <summary>Reads and writes <c>memmap=</c> values with the rules of the x86 <c>parse_memmap_one()</c>.</summary>
public static class MemmapParser
{
    public const string ParameterName = "memmap";

    private const string ExactMap = "exactmap";

    /// <summary>Parses one <c>memmap=</c> value, which may be a comma separated list.</summary>
    /// <exception cref="MemmapFormatException">An entry the kernel would ignore or misread.</exception>
    public static IReadOnlyList<MemmapRegion> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return [.. value.Split(',').Select(ParseOne)];
    }

    /// <summary>Every region of every <c>memmap=</c> parameter, in command line order.</summary>
    public static IReadOnlyList<MemmapRegion> FromCommandLine(KernelCommandLine cmdline)
    {
        ArgumentNullException.ThrowIfNull(cmdline);
        return [.. cmdline.GetAll(ParameterName).SelectMany(v =>
            v is null ? throw new MemmapFormatException(ParameterName, "memmap needs a value, e.g. memmap=4G!12G") : Parse(v))];
    }

    public static string Format(MemmapRegion r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var size = MemorySize.Format(r.Size);
        var start = MemorySize.Format(r.Start);
        return r.Kind switch
        {
            MemmapKind.Persistent => $"{size}!{start}",
            MemmapKind.Reserved => $"{size}${start}",
            MemmapKind.AcpiData => $"{size}#{start}",
            MemmapKind.Usable => $"{size}@{start}",
            MemmapKind.Limit => size,
            MemmapKind.ExactMap => ExactMap,
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Kind, "unknown memmap kind"),
        };
    }

    /// <summary>Formats a list the way it is written after <c>memmap=</c>.</summary>
    public static string Format(IEnumerable<MemmapRegion> regions) => string.Join(',', regions.Select(Format));

    private static MemmapRegion ParseOne(string text)
    {
        if (text == ExactMap)
        {
            return new MemmapRegion(MemmapKind.ExactMap, 0, 0);
        }

        try
        {
            var pos = 0;
            if (!MemorySize.TryRead(text, ref pos, out var size))
            {
                throw new MemmapFormatException(text, "expected a size such as 4G, 0x100000000 or 512M");
            }

            if (size == 0)
            {
                throw new MemmapFormatException(text, "size must be greater than zero");
            }

            if (pos == text.Length)
            {
                return new MemmapRegion(MemmapKind.Limit, 0, size);
            }

            var kind = KindOf(text, text[pos]);
            pos++;
            if (!MemorySize.TryRead(text, ref pos, out var start) || pos != text.Length)
            {
                throw new MemmapFormatException(text, "expected SIZE<op>OFFSET with op one of ! $ # @ and nothing after OFFSET");
            }

            _ = checked(start + size);
            return new MemmapRegion(kind, start, size);
        }
        catch (OverflowException)
        {
            throw new MemmapFormatException(text, "number does not fit in 64 bits");
        }
    }

    private static MemmapKind KindOf(string text, char op) => op switch
    {
        '!' => MemmapKind.Persistent,
        '$' => MemmapKind.Reserved,
        '#' => MemmapKind.AcpiData,
        '@' => MemmapKind.Usable,
        '%' => throw new MemmapFormatException(text, "the type-change form nn%ss-n+m is not supported"),
        _ => throw new MemmapFormatException(text, $"unknown operator '{op}'; use ! (persistent), $ (reserved), # (ACPI) or @ (usable)"),
    };
}
