using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Host.Tests.Sandbox;

namespace LiveUpdate.Host.Tests.Cpu;

public sealed class SysfsCpuHotplugTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task GetTopologyAsync_PlausibleHost_ReadsRangesAndPerCpuState()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { CpuCount = 4, OfflineCpus = [2] });

        CpuTopology topology = await new SysfsCpuHotplug(tree.Root).GetTopologyAsync(Ct);

        Assert.Equal([0, 1, 2, 3], topology.Possible);
        Assert.Equal([0, 1, 3], topology.Online);
        Assert.Equal([2], topology.Offline);
        Assert.False(topology.Find(0)!.Hotpluggable);
        Assert.True(topology.Find(3)!.Hotpluggable);
    }

    [Fact]
    public async Task GetTopologyAsync_OwnOnlineFileDisagreesWithRangeList_TrustsOwnFile()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { CpuCount = 2 });
        tree.Write(HostPaths.CpuOnline(1), "0\n");

        CpuTopology topology = await new SysfsCpuHotplug(tree.Root).GetTopologyAsync(Ct);

        Assert.Equal([0], topology.Online);
    }

    [Fact]
    public async Task GetTopologyAsync_NoPresentFile_EnumeratesCpuDirectories()
    {
        using var tree = SandboxHostTree.Empty()
            .Write(HostPaths.CpusOnline, "0,2\n")
            .Directory($"{HostPaths.CpuDirectory}/cpu0")
            .Directory($"{HostPaths.CpuDirectory}/cpu10")
            .Write(HostPaths.CpuOnline(2), "1\n")
            .Directory($"{HostPaths.CpuDirectory}/cpufreq");

        CpuTopology topology = await new SysfsCpuHotplug(tree.Root).GetTopologyAsync(Ct);

        Assert.Equal([0, 2, 10], topology.Present);
        Assert.Equal([0, 2], topology.Online);
    }

    [Fact]
    public async Task GetTopologyAsync_EmptyTree_ReturnsNoCpus()
    {
        using var tree = SandboxHostTree.Empty();

        CpuTopology topology = await new SysfsCpuHotplug(tree.Root).GetTopologyAsync(Ct);

        Assert.Empty(topology.Cpus);
    }

    [Fact]
    public async Task GetTopologyAsync_MalformedRangeFile_ThrowsInvalidDataNamingFile()
    {
        using var tree = SandboxHostTree.Plausible().Write(HostPaths.CpusPresent, "0-x\n");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => new SysfsCpuHotplug(tree.Root).GetTopologyAsync(Ct));

        Assert.Contains(HostPaths.CpusPresent, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetOnlineAsync_Offline_WritesZeroAndTopologyFollows()
    {
        using var tree = SandboxHostTree.Plausible();
        var cpus = new SysfsCpuHotplug(tree.Root);

        bool wrote = await cpus.SetOnlineAsync(3, online: false, Ct);

        Assert.True(wrote);
        Assert.Equal("0", tree.Read(HostPaths.CpuOnline(3)).Trim());
        Assert.DoesNotContain(3, (await cpus.GetTopologyAsync(Ct)).Online);
    }

    [Fact]
    public async Task SetOnlineAsync_OfflineThenOnline_RestoresOne()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { OfflineCpus = [1] });

        bool wrote = await new SysfsCpuHotplug(tree.Root).SetOnlineAsync(1, online: true, Ct);

        Assert.True(wrote);
        Assert.Equal("1", tree.Read(HostPaths.CpuOnline(1)).Trim());
    }

    [Fact]
    public async Task SetOnlineAsync_AlreadyInState_DoesNotWrite()
    {
        using var tree = SandboxHostTree.Plausible();
        tree.MakeUnwritable(HostPaths.CpuOnline(1)).Write(HostPaths.CpusOnline, "0-3\n");

        // cpu1's attribute cannot be written; an idempotent call that wrote anyway would throw.
        bool wrote = await new SysfsCpuHotplug(tree.Root).SetOnlineAsync(1, online: true, Ct);

        Assert.False(wrote);
    }

    [Fact]
    public async Task SetOnlineAsync_Cpu0WithoutOnlineFile_ThrowsNotHotpluggable()
    {
        using var tree = SandboxHostTree.Plausible();

        var ex = await Assert.ThrowsAsync<CpuHotplugException>(() => new SysfsCpuHotplug(tree.Root).SetOnlineAsync(0, false, Ct));

        Assert.Equal(CpuHotplugFailure.NotHotpluggable, ex.Reason);
        Assert.Equal(0, ex.Cpu);
    }

    [Fact]
    public async Task SetOnlineAsync_UnknownCpu_ThrowsNoSuchCpu()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { CpuCount = 2 });

        var ex = await Assert.ThrowsAsync<CpuHotplugException>(() => new SysfsCpuHotplug(tree.Root).SetOnlineAsync(7, false, Ct));

        Assert.Equal(CpuHotplugFailure.NoSuchCpu, ex.Reason);
    }

    [Fact]
    public async Task SetOnlineAsync_LastOnlineCpu_RefusesWithoutWriting()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { CpuCount = 2, Cpu0Hotpluggable = true, OfflineCpus = [0] });

        var ex = await Assert.ThrowsAsync<CpuHotplugException>(() => new SysfsCpuHotplug(tree.Root).SetOnlineAsync(1, false, Ct));

        Assert.Equal(CpuHotplugFailure.LastOnlineCpu, ex.Reason);
        Assert.Equal("1", tree.Read(HostPaths.CpuOnline(1)).Trim());
    }

    [Fact]
    public async Task SetOnlineAsync_UnwritableOnlineAttribute_ThrowsPermissionDenied()
    {
        using var tree = SandboxHostTree.Plausible();
        tree.MakeUnwritable(HostPaths.CpuOnline(2));

        var ex = await Assert.ThrowsAsync<CpuHotplugException>(() => new SysfsCpuHotplug(tree.Root).SetOnlineAsync(2, false, Ct));

        Assert.Equal(CpuHotplugFailure.PermissionDenied, ex.Reason);
        Assert.False(ex.Retryable);
    }

    [Fact]
    public async Task ChooseCpuToOfflineAsync_PlausibleHost_ReturnsHighestOnline()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { CpuCount = 4, OfflineCpus = [3] });

        Assert.Equal(2, await new SysfsCpuHotplug(tree.Root).ChooseCpuToOfflineAsync(Ct));
    }

    [Fact]
    public async Task ChooseCpuToOfflineAsync_SingleCpuHost_ThrowsLastOnlineCpu()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { CpuCount = 1 });

        var ex = await Assert.ThrowsAsync<CpuHotplugException>(() => new SysfsCpuHotplug(tree.Root).ChooseCpuToOfflineAsync(Ct));

        Assert.Equal(CpuHotplugFailure.LastOnlineCpu, ex.Reason);
    }
}
