namespace LiveUpdate.Orchestrator.Store;

/// <summary>
/// Who runs a rollout: one orchestrator at a time, however many share the store. A claim lasts until
/// <paramref name="Until"/> and the engine renews it while it runs; one that lapses (its orchestrator died)
/// can be taken over.
/// </summary>
/// <param name="Granted">Whether the caller holds the claim now.</param>
/// <param name="Holder">The orchestrator holding it (the caller when granted).</param>
public sealed record RolloutClaim(bool Granted, string Holder, DateTimeOffset Until)
{
    /// <summary>The decision both stores make from what they hold: free, lapsed, or already the caller's claims are granted.</summary>
    public static RolloutClaim Decide(string? holder, DateTimeOffset? heldUntil, string owner, DateTimeOffset now, DateTimeOffset until) =>
        holder is null || holder == owner || heldUntil is null || heldUntil <= now
            ? new RolloutClaim(true, owner, until)
            : new RolloutClaim(false, holder, heldUntil.Value);
}
