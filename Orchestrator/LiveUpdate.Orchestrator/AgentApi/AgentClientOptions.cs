namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>How the orchestrator reaches agents: its mTLS identity, and the resilience around every call.</summary>
public sealed class AgentClientOptions
{
    /// <summary>The CA that issued the agents' server certificates (and only that CA is trusted).</summary>
    public required string CaPemPath { get; init; }

    public required string ClientCertificatePemPath { get; init; }

    public required string ClientKeyPemPath { get; init; }

    /// <summary>Per attempt of a unary call.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Per attempt of a bundle upload, which moves a kernel and an initramfs.</summary>
    public TimeSpan StageTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of idempotent calls; Execute is never retried.</summary>
    public int RetryAttempts { get; init; } = 5;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Share of failed calls in <see cref="BreakerSamplingDuration"/> that opens a host's circuit.</summary>
    public double BreakerFailureRatio { get; init; } = 0.8;

    public int BreakerMinimumThroughput { get; init; } = 6;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Throws with every problem at once, so a bad configuration is refused before any host is touched.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        foreach (var (name, path) in new[] { ("CA", CaPemPath), ("client certificate", ClientCertificatePemPath), ("client key", ClientKeyPemPath) })
        {
            if (!File.Exists(path))
            {
                problems.Add($"{name} file '{path}' does not exist");
            }
        }

        if (CallTimeout <= TimeSpan.Zero || StageTimeout <= TimeSpan.Zero)
        {
            problems.Add("timeouts must be positive");
        }

        if (RetryAttempts < 0 || RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            problems.Add("retry attempts must be >= 0 and 0 <= base delay <= max delay");
        }

        if (BreakerFailureRatio is <= 0 or > 1 || BreakerMinimumThroughput < 2 || BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add("circuit breaker: failure ratio in (0, 1], minimum throughput >= 2, break duration >= 500ms");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("agent client options are invalid: " + string.Join("; ", problems));
        }
    }
}
