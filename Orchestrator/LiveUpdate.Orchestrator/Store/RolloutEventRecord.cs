namespace LiveUpdate.Orchestrator.Store;

/// <summary>One entry of a rollout's append-only event log.</summary>
/// <param name="Id">Assigned by the store; 0 for an entry not yet committed.</param>
/// <param name="Host">The host concerned, or null for the rollout as a whole.</param>
public sealed record RolloutEventRecord(long Id, string RolloutId, DateTimeOffset At, string? Host, string Kind, string Message);
