using System.Globalization;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>One entry of an Ansible-style <c>serial</c> list: an absolute host count or a percentage of the fleet.</summary>
/// <param name="Count">Hosts in the wave when <paramref name="Percent"/> is null.</param>
/// <param name="Percent">Share of the eligible hosts, in (0, 100].</param>
public sealed record WaveSize(int Count, decimal? Percent)
{
    public static WaveSize Hosts(int count) => new(count, null);

    public static WaveSize OfFleet(decimal percent) => new(0, percent);

    /// <summary>Hosts in this wave for a fleet of <paramref name="totalHosts"/>: a percentage rounds up and is never below 1.</summary>
    public int Resolve(int totalHosts) => Percent is { } p
        ? Math.Max(1, (int)Math.Ceiling(p * totalHosts / 100m))
        : Count;

    public override string ToString() => Percent is { } p
        ? p.ToString(CultureInfo.InvariantCulture) + "%"
        : Count.ToString(CultureInfo.InvariantCulture);
}
