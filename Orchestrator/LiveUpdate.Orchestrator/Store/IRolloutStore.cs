namespace LiveUpdate.Orchestrator.Store;

/// <summary>
/// The orchestrator's durable state: rollouts, their hosts, and an append-only event log. Every method is atomic and
/// durable when it returns.
/// </summary>
public interface IRolloutStore : IDisposable
{
    /// <exception cref="InvalidOperationException">A rollout with this id exists.</exception>
    void CreateRollout(RolloutRecord rollout, IReadOnlyList<HostRecord> hosts, RolloutEventRecord created);

    RolloutRecord? FindRollout(string id);

    IReadOnlyList<RolloutRecord> ListRollouts();

    /// <summary>The rollout's hosts by wave, then position.</summary>
    IReadOnlyList<HostRecord> Hosts(string rolloutId);

    void Commit(StoreCommit commit);

    /// <summary>Records an operator's request; the engine running the rollout picks it up at its next decision.</summary>
    /// <exception cref="KeyNotFoundException">No such rollout.</exception>
    void RequestControl(string rolloutId, RolloutControl control, string reason, DateTimeOffset at);

    IReadOnlyList<RolloutEventRecord> Events(string rolloutId, long afterId = 0);

    /// <summary>Claims (or renews) the right to run the rollout until <paramref name="until"/>; refused while another orchestrator's claim lasts.</summary>
    /// <exception cref="KeyNotFoundException">No such rollout.</exception>
    RolloutClaim Claim(string rolloutId, string owner, DateTimeOffset now, DateTimeOffset until);

    /// <summary>Gives the claim up, if <paramref name="owner"/> holds it.</summary>
    void Release(string rolloutId, string owner);
}
