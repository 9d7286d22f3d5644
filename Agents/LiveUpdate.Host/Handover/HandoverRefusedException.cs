namespace LiveUpdate.Host.Handover;

/// <summary>A handover was refused before any syscall, because the host is not in the state the mode needs.</summary>
public sealed class HandoverRefusedException : Exception
{
    public HandoverRefusedException(HandoverMode mode, string message)
        : base(message)
    {
        Mode = mode;
    }

    public HandoverMode Mode { get; }
}
