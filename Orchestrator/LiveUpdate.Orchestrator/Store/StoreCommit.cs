namespace LiveUpdate.Orchestrator.Store;

/// <summary>
/// Changes committed in one transaction: the rollout row (operator intents excepted), host rows and log entries.
/// The engine commits a change before it acts on it.
/// </summary>
public sealed record StoreCommit(RolloutRecord? Rollout, IReadOnlyList<HostRecord> Hosts, IReadOnlyList<RolloutEventRecord> Events);
