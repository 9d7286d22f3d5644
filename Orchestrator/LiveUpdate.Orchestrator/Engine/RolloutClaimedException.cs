namespace LiveUpdate.Orchestrator.Engine;

/// <summary>Another orchestrator runs the rollout (its claim in the shared store is current); this one touches nothing.</summary>
public sealed class RolloutClaimedException(string rolloutId, string holder, DateTimeOffset until)
    : Exception($"rollout {rolloutId} is being run by orchestrator {holder} (its claim lasts until {until:u} unless renewed); " +
        "stop that orchestrator, or wait for its claim to lapse, before running the rollout here")
{
    public string Holder { get; } = holder;
}
