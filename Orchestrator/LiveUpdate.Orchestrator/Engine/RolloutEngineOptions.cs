namespace LiveUpdate.Orchestrator.Engine;

/// <summary>Timing of the engine's own loop; the agent calls' retries are the resilience pipeline's business.</summary>
public sealed class RolloutEngineOptions
{
    /// <summary>How often the store is re-read for operator requests made by another process (pause, resume, abort).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before reattaching to an agent whose stream dropped (a kernel switch takes a few seconds).</summary>
    public TimeSpan ReattachDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>An agent silent for longer than this is recorded as needing attention (or the host as failed before Execute).</summary>
    public TimeSpan UnreachableDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>This orchestrator's name in rollout claims (<see cref="Store.RolloutClaim"/>): host, process and a random part.</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long a claim lasts unrenewed; the engine renews it once a third of it has run, at its next decision (within a <see cref="PollInterval"/>, which must be shorter).</summary>
    public TimeSpan ClaimDuration { get; init; } = TimeSpan.FromSeconds(30);
}
