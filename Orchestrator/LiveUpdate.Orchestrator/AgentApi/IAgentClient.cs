namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>
/// The orchestrator's view of one host's agent. Describe, Status, StageBundle, Prepare and Watch are idempotent and
/// may be retried; Execute is not, and the engine calls it at most once per update id.
/// </summary>
/// <remarks>
/// Every method throws <see cref="AgentUnavailableException"/> when the agent cannot be reached after the
/// client's retries; the caller decides whether to wait and reattach.
/// </remarks>
public interface IAgentClient
{
    string Host { get; }

    /// <summary>
    /// The host's facts, capabilities and preflight. With <paramref name="playbookYaml"/> (the text Prepare will
    /// send), preflight also answers for that playbook, whether or not the host has it installed.
    /// </summary>
    Task<AgentDescription> DescribeAsync(string? playbookYaml, CancellationToken ct);

    /// <summary>Streams the files of <paramref name="bundleDirectory"/> to the agent; returns the digest it staged.</summary>
    Task<string> StageBundleAsync(string bundleDirectory, string bundleDigest, CancellationToken ct);

    Task<AgentPrepareResult> PrepareAsync(AgentPrepareRequest request, CancellationToken ct);

    /// <summary>Starts a prepared update and streams its events. The update goes on if the stream drops.</summary>
    IAsyncEnumerable<AgentEvent> ExecuteAsync(string updateId, CancellationToken ct);

    /// <summary>Replays the events of an update after <paramref name="afterSequence"/>, then follows it to its end.</summary>
    IAsyncEnumerable<AgentEvent> WatchAsync(string updateId, long afterSequence, CancellationToken ct);

    Task<AgentAbortResult> AbortAsync(string updateId, string reason, CancellationToken ct);

    Task<AgentStatus> StatusAsync(CancellationToken ct);
}
