namespace LiveUpdate.Kernel.CommandLine;

/// <summary>A kernel command line that the kernel would misread, with the 1-based column of the problem.</summary>
public sealed class KernelCommandLineException : FormatException
{
    public KernelCommandLineException(int column, string message)
        : base(column > 0 ? $"column {column}: {message}" : message)
    {
        Column = column;
    }

    /// <summary>1-based column in the command line text, or 0 when the problem is not tied to a position.</summary>
    public int Column { get; }
}
