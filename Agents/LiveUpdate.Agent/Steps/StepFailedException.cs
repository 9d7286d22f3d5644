namespace LiveUpdate.Agent.Steps;

/// <summary>
/// A step could not do its job. <see cref="Retryable"/> says whether running it again may help;
/// <see cref="Hint"/> says what an operator should do about it.
/// </summary>
public sealed class StepFailedException(string stepId, string message, bool retryable = false, string? hint = null, Exception? inner = null)
    : Exception($"step '{stepId}': {message}", inner)
{
    public string StepId { get; } = stepId;

    public bool Retryable { get; } = retryable;

    public string? Hint { get; } = hint;
}
