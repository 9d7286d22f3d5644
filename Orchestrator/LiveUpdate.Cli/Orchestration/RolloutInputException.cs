namespace LiveUpdate.Cli.Orchestration;

/// <summary>The rollout's inputs are invalid; every problem is listed with its location. Nothing was done.</summary>
public sealed class RolloutInputException(IReadOnlyList<string> errors)
    : Exception($"{errors.Count} problem(s) in the rollout's inputs")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
