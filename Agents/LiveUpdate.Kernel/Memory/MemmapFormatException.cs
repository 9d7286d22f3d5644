namespace LiveUpdate.Kernel.Memory;

/// <summary>A <c>memmap=</c> value the kernel would reject or misread; <see cref="Text"/> is the offending part.</summary>
public sealed class MemmapFormatException : FormatException
{
    public MemmapFormatException(string text, string message)
        : base($"memmap '{text}': {message}")
    {
        Text = text;
    }

    public string Text { get; }
}
