namespace LiveUpdate.Orchestrator.Reporting;

/// <summary>One step of one host, as it ran.</summary>
public sealed record ReportStep(string Id, string Kind, DateTimeOffset Started, TimeSpan Duration, bool Succeeded);

/// <summary>One host's update, as it ended.</summary>
public sealed record ReportHost(
    string Name,
    string FailureDomain,
    int Wave,
    string OldKernel,
    string? NewKernel,
    string Outcome,
    TimeSpan? Blackout,
    DateTimeOffset? Started,
    DateTimeOffset? Finished,
    IReadOnlyList<ReportStep> Steps,
    string? Reason);

/// <summary>Everything `liveupdate report` shows about a finished (or running) rollout.</summary>
public sealed record RolloutReport(
    string RolloutId,
    string Name,
    string State,
    DateTimeOffset? Started,
    DateTimeOffset? Finished,
    IReadOnlyList<ReportHost> Hosts)
{
    public IReadOnlyList<TimeSpan> Blackouts => Hosts.Where(h => h.Blackout is not null).Select(h => h.Blackout!.Value).Order().ToList();

    public BlackoutPercentiles Percentiles => BlackoutPercentiles.Of(Blackouts);
}

/// <summary>VM blackout percentiles over the hosts that had one (nearest-rank).</summary>
public sealed record BlackoutPercentiles(int Count, TimeSpan? P50, TimeSpan? P90, TimeSpan? P99, TimeSpan? Max)
{
    public static BlackoutPercentiles Of(IReadOnlyList<TimeSpan> sorted)
    {
        if (sorted.Count == 0)
        {
            return new BlackoutPercentiles(0, null, null, null, null);
        }

        TimeSpan Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new BlackoutPercentiles(sorted.Count, Rank(0.50), Rank(0.90), Rank(0.99), sorted[^1]);
    }
}
