namespace LiveUpdate.Host.Pmem;

/// <summary>Finds the host's persistent memory: iomem regions, pmem block devices, nd namespaces and DAX mounts.</summary>
public interface IPmemDiscovery
{
    /// <summary>A host without PMEM gives an empty inventory, not an error.</summary>
    Task<PmemInventory> DiscoverAsync(CancellationToken ct);
}
