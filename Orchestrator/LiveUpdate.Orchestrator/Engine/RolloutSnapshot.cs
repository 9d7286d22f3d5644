using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>Everything the decider knows about a rollout: its stored row and its hosts' stored rows.</summary>
public sealed record RolloutSnapshot(RolloutRecord Rollout, IReadOnlyList<HostRecord> Hosts);
