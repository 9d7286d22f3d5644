using LiveUpdate.Orchestrator.Planning;

namespace LiveUpdate.Orchestrator.Tests.Planning;

public sealed class WaveScheduleTests
{
    private static readonly long S = TimeSpan.TicksPerSecond;

    [Fact]
    public void Makespan_EnoughSlots_AllHostsRunTogether()
    {
        HostPhases[] hosts = [new(0, 5 * S, 10 * S, 2 * S), new(1, 5 * S, 10 * S, 2 * S), new(2, 5 * S, 10 * S, 2 * S)];

        Assert.Equal(TimeSpan.FromSeconds(17), WaveSchedule.Makespan(hosts, maxInCritical: 3, maxPerDomain: 1));
    }

    [Fact]
    public void Makespan_OneCriticalSlot_SerializesCriticalSections()
    {
        HostPhases[] hosts = [new(0, 5 * S, 10 * S, 2 * S), new(1, 5 * S, 10 * S, 2 * S), new(2, 5 * S, 10 * S, 2 * S)];

        // Pre-phases overlap; critical sections run 5-15, 15-25, 25-35; the last host ends at 37.
        Assert.Equal(TimeSpan.FromSeconds(37), WaveSchedule.Makespan(hosts, maxInCritical: 1, maxPerDomain: 1));
    }

    [Fact]
    public void Makespan_SameDomain_LimitedPerDomainEvenWithFreeSlots()
    {
        HostPhases[] hosts = [new(0, 0, 10 * S, 0), new(0, 0, 10 * S, 0), new(1, 0, 10 * S, 0)];

        Assert.Equal(TimeSpan.FromSeconds(20), WaveSchedule.Makespan(hosts, maxInCritical: 10, maxPerDomain: 1));
        Assert.Equal(TimeSpan.FromSeconds(10), WaveSchedule.Makespan(hosts, maxInCritical: 10, maxPerDomain: 2));
    }

    [Fact]
    public void Makespan_BlockedDomain_DoesNotHoldBackOtherDomains()
    {
        // Host 1 waits for domain 0; host 2 (domain 1) must not queue behind it.
        HostPhases[] hosts = [new(0, 0, 10 * S, 0), new(0, 0, 10 * S, 0), new(1, 0, 3 * S, 0)];

        Assert.Equal(TimeSpan.FromSeconds(20), WaveSchedule.Makespan(hosts, maxInCritical: 2, maxPerDomain: 1));
    }

    [Fact]
    public void Makespan_Empty_IsZero() => Assert.Equal(TimeSpan.Zero, WaveSchedule.Makespan([], 1, 1));
}
