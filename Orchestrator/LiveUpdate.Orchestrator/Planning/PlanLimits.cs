namespace LiveUpdate.Orchestrator.Planning;

/// <summary>The limits the plan was computed under, resolved to host counts.</summary>
/// <param name="FailureBudget">Failed hosts tolerated; one more fails the rollout.</param>
/// <param name="WaveSizes">The resolved size of every wave, in order.</param>
public sealed record PlanLimits(
    int MaxInCriticalSection,
    int MaxPerFailureDomain,
    int FailureBudget,
    TimeSpan Settle,
    string Order,
    ulong? Seed,
    IReadOnlyList<int> WaveSizes);
