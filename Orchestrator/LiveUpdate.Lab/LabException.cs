namespace LiveUpdate.Lab;

/// <summary>A lab command could not be carried out; <see cref="Fix"/> says what to do about it.</summary>
public sealed class LabException(string message, string? fix = null, Exception? inner = null) : Exception(message, inner)
{
    public string? Fix { get; } = fix;
}
