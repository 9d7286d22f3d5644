namespace LiveUpdate.Host.Cpu;

/// <summary>
/// The CPUs of a host at one moment. <see cref="Online"/> is derived from each CPU's own <c>online</c> file where
/// it exists, so it stays right on a sandbox tree whose range files nobody updates.
/// </summary>
public sealed record CpuTopology(
    IReadOnlyList<int> Possible,
    IReadOnlyList<int> Present,
    IReadOnlyList<CpuState> Cpus)
{
    public IReadOnlyList<int> Online => [.. Cpus.Where(c => c.Online).Select(c => c.Id)];

    public IReadOnlyList<int> Offline => [.. Cpus.Where(c => !c.Online).Select(c => c.Id)];

    public CpuState? Find(int cpu) => Cpus.FirstOrDefault(c => c.Id == cpu);

    /// <summary>
    /// The CPU the handover takes: the highest-numbered online CPU that can be hot-unplugged, never the last
    /// online one. Null when no CPU qualifies.
    /// </summary>
    public int? ChooseCpuToOffline()
    {
        if (Online.Count < 2)
        {
            return null;
        }

        CpuState? choice = Cpus.Where(c => c.Online && c.Hotpluggable).MaxBy(c => c.Id);
        return choice?.Id;
    }
}
