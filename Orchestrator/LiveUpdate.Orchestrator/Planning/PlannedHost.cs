namespace LiveUpdate.Orchestrator.Planning;

/// <summary>A host in a wave.</summary>
/// <param name="Facts">The facts the plan was made from; apply refuses the plan if they changed.</param>
/// <param name="PredictedDuration">All steps end to end.</param>
/// <param name="PredictedBlackout">The steps during which the host's VMs are paused.</param>
public sealed record PlannedHost(
    string Name,
    string FailureDomain,
    HostFacts Facts,
    TimeSpan PredictedDuration,
    TimeSpan PredictedBlackout,
    IReadOnlyList<PlannedStep> Steps);
