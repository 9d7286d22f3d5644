using LiveUpdate.Orchestrator.Rollout;

namespace LiveUpdate.Orchestrator.Store;

/// <summary>One rollout as stored.</summary>
/// <param name="CurrentWave">1-based index of the wave being run (or settled after).</param>
/// <param name="WaveEndedAt">When the last host of <paramref name="CurrentWave"/> ended; the settle time counts from here.</param>
/// <param name="GatesPassedWave">The last wave whose after-wave gates passed (0: none).</param>
/// <param name="PauseRequested">Operator intent, written only by <see cref="IRolloutStore.RequestControl"/>.</param>
/// <param name="AbortRequested">Operator intent, written only by <see cref="IRolloutStore.RequestControl"/>.</param>
public sealed record RolloutRecord(
    string Id,
    string Name,
    RolloutKind Kind,
    string? ParentId,
    string PlanJson,
    string PlanHash,
    string SpecHash,
    RolloutArtifacts Artifacts,
    RolloutState State,
    int CurrentWave,
    DateTimeOffset? WaveEndedAt,
    int GatesPassedWave,
    bool PauseRequested,
    bool AbortRequested,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
