using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>A rollout as an operator looks at it: its row, its hosts, counts per phase, and the blackout p99 so far.</summary>
public sealed record RolloutStatus(
    RolloutRecord Rollout,
    IReadOnlyList<HostRecord> Hosts,
    IReadOnlyDictionary<HostPhase, int> HostsByPhase,
    TimeSpan? BlackoutP99);
