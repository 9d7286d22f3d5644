namespace LiveUpdate.Orchestrator.Store;

/// <summary>One host of one rollout as stored.</summary>
/// <param name="Position">Order within the wave, as planned.</param>
/// <param name="TargetBundle">The bundle digest this rollout installs on the host.</param>
/// <param name="UpdateId">The agent-side update id; set before Prepare, never reused.</param>
/// <param name="LastSequence">The last agent journal sequence seen; Watch resumes after it.</param>
/// <param name="OldBundle">The bundle the host ran before this rollout; a rollback returns to it.</param>
/// <param name="BlackoutStartedAt">The agent's time of the first blackout step's start, kept so a reattached watcher can still measure.</param>
/// <param name="Blackout">Measured from the agent's events: start of the first blackout step to end of the last.</param>
/// <param name="GateFailed">A gate before or after this host failed; the rollout stops admitting hosts.</param>
public sealed record HostRecord(
    string RolloutId,
    string Host,
    string FailureDomain,
    int Wave,
    int Position,
    HostPhase Phase,
    string TargetBundle,
    string? UpdateId,
    long LastSequence,
    int Attempts,
    string? OldKernel,
    string? NewKernel,
    string? OldBundle,
    DateTimeOffset? BlackoutStartedAt,
    TimeSpan? Blackout,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    bool AbortRequested,
    bool GateFailed,
    string Reason);
