using System.Globalization;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>
/// How many failed hosts a rollout tolerates. Like Ansible's <c>max_fail_percentage</c>, the budget must be
/// <em>exceeded</em> to fail the rollout: a budget of 2 allows two failed hosts and stops at the third.
/// </summary>
public sealed record FailureBudget(int Count, decimal? Percent)
{
    public static FailureBudget Hosts(int count) => new(count, null);

    public static FailureBudget OfFleet(decimal percent) => new(0, percent);

    /// <summary>Failed hosts allowed for a fleet of <paramref name="totalHosts"/>; a percentage rounds down.</summary>
    public int Resolve(int totalHosts) => Percent is { } p
        ? (int)Math.Floor(p * totalHosts / 100m)
        : Count;

    public override string ToString() => Percent is { } p
        ? p.ToString(CultureInfo.InvariantCulture) + "%"
        : Count.ToString(CultureInfo.InvariantCulture);
}
