namespace LiveUpdate.Kernel.Memory;

/// <summary>Text that is not /proc/iomem output, with the 1-based line number.</summary>
public sealed class IomemFormatException : FormatException
{
    public IomemFormatException(int line, string message)
        : base($"/proc/iomem line {line}: {message}")
    {
        Line = line;
    }

    public int Line { get; }
}
