namespace LiveUpdate.Host.Pmem;

/// <summary>The persistent memory of a host, from every place the kernel shows it.</summary>
public sealed record PmemInventory(
    IReadOnlyList<PmemRegion> Regions,
    IReadOnlyList<PmemBlockDevice> BlockDevices,
    IReadOnlyList<NdNamespace> Namespaces,
    IReadOnlyList<DaxMount> DaxMounts,
    bool RegionAddressesHidden)
{
    public IReadOnlyList<PmemRegion> LegacyRegions => [.. Regions.Where(r => r.Legacy)];

    public bool HasPmem => Regions.Count > 0 || BlockDevices.Count > 0;

    /// <summary>Bytes free on DAX mounts, i.e. room for saved VM state; zero when nothing is mounted with DAX.</summary>
    public ulong CapacityForVmStateBytes => DaxMounts.Aggregate(0UL, (sum, m) => sum + (m.FreeBytes ?? 0));
}
