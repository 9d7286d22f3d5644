namespace LiveUpdate.Agent.Preflight;

/// <summary>The running VMs from libvirt, or why they could not be read.</summary>
internal sealed record VmCensus(IReadOnlyList<VmFact> Vms, string? Error)
{
    public bool Reachable => Error is null;

    /// <summary>What saving every running VM writes; null when libvirt was not reachable.</summary>
    public ulong? TotalMemoryBytes => Reachable ? Vms.Aggregate(0UL, (sum, v) => sum + v.MemoryBytes) : null;

    public static VmCensus Unreachable(string error) => new([], error);
}
