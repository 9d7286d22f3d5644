using LiveUpdate.Host.Pmem;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Host.Tests.Sandbox;

namespace LiveUpdate.Host.Tests.Pmem;

public sealed class PmemDiscoveryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task DiscoverAsync_LegacyMemmapHost_FindsRegionDeviceNamespaceAndMount()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { PmemBytes = 512UL << 20, PmemOffset = 2UL << 30 });

        PmemInventory pmem = await new PmemDiscovery(tree.Root).DiscoverAsync(Ct);

        PmemRegion region = Assert.Single(pmem.LegacyRegions);
        Assert.Equal(2UL << 30, region.Start);
        Assert.Equal(512UL << 20, region.Size);
        PmemBlockDevice device = Assert.Single(pmem.BlockDevices);
        Assert.Equal("/dev/pmem0", device.DevicePath);
        Assert.Equal(512UL << 20, device.SizeBytes);
        Assert.True(device.DeviceNodeExists);
        NdNamespace ns = Assert.Single(pmem.Namespaces);
        Assert.Equal(("namespace0.0", "fsdax", "pmem0"), (ns.Name, ns.Mode, ns.BlockDevice));
        DaxMount mount = Assert.Single(pmem.DaxMounts);
        Assert.Equal("/var/lib/liveupdate/pmem", mount.MountPoint);
        Assert.NotNull(mount.FreeBytes);
        Assert.True(pmem.CapacityForVmStateBytes > 0);
    }

    [Fact]
    public async Task DiscoverAsync_HostWithoutPmem_ReturnsEmptyInventory()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { PmemBytes = 0 });

        PmemInventory pmem = await new PmemDiscovery(tree.Root).DiscoverAsync(Ct);

        Assert.False(pmem.HasPmem);
        Assert.Empty(pmem.DaxMounts);
        Assert.Equal(0UL, pmem.CapacityForVmStateBytes);
    }

    [Fact]
    public async Task DiscoverAsync_PmemNotMountedWithDax_NoCapacity()
    {
        using var tree = SandboxHostTree.Plausible();
        tree.Write(HostPaths.Mounts, "/dev/pmem0 /var/lib/liveupdate/pmem ext4 rw,relatime 0 0\n");

        PmemInventory pmem = await new PmemDiscovery(tree.Root).DiscoverAsync(Ct);

        Assert.True(pmem.HasPmem);
        Assert.Empty(pmem.DaxMounts);
        Assert.Equal(0UL, pmem.CapacityForVmStateBytes);
    }

    [Fact]
    public async Task DiscoverAsync_DeviceNodeOnly_ReportsUnknownSize()
    {
        using var tree = SandboxHostTree.Empty().Write("/dev/pmem3", string.Empty);

        PmemInventory pmem = await new PmemDiscovery(tree.Root).DiscoverAsync(Ct);

        PmemBlockDevice device = Assert.Single(pmem.BlockDevices);
        Assert.Equal("pmem3", device.Name);
        Assert.Null(device.SizeBytes);
    }

    [Fact]
    public async Task DiscoverAsync_RealNvdimmRegion_IsNotLegacy()
    {
        using var tree = SandboxHostTree.Empty().Write(HostPaths.Iomem, "100000000-17fffffff : Persistent Memory\n");

        PmemInventory pmem = await new PmemDiscovery(tree.Root).DiscoverAsync(Ct);

        Assert.False(Assert.Single(pmem.Regions).Legacy);
        Assert.Empty(pmem.LegacyRegions);
    }
}
