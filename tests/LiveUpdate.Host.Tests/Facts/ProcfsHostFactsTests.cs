using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Host.Tests.Sandbox;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Host.Tests.Facts;

public sealed class ProcfsHostFactsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task CaptureAsync_PlausibleHost_ReadsEveryFact()
    {
        var bootId = Guid.NewGuid();
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions
        {
            BootId = bootId,
            KernelRelease = "6.12.9-lab",
            Hostname = "hv-07",
            RamBytes = 4UL << 30,
            CpuCount = 3,
            OfflineCpus = [2],
        });

        HostFactsSnapshot facts = await new ProcfsHostFacts(tree.Root).CaptureAsync(Ct);

        Assert.Equal("6.12.9-lab", facts.KernelRelease.Value);
        Assert.Equal(bootId.ToString("D"), facts.BootId.Value);
        Assert.Equal("hv-07", facts.Hostname.Value);
        Assert.Equal("256M!1024M", facts.CommandLine.Value!.GetLast("memmap"));
        Assert.Equal(4UL << 30, facts.Memory.Value!.TotalBytes);
        Assert.Equal([0, 1], facts.Cpus.Value!.Online);
        IomemRange pmem = Assert.Single(facts.Iomem.Value!.PersistentMemory());
        Assert.Equal((ulong)(1 << 30), pmem.Start);
        Assert.Equal(HostPaths.ConfigGz, facts.KernelConfig.Value!.Source);
        Assert.Equal("y", facts.KernelConfig.Value.Get("CONFIG_KEXEC_FILE"));
        Assert.Equal(LockdownMode.None, facts.Lockdown.Value);
        Assert.True(facts.KexecLoadDisabled.IsKnown);
        Assert.False(facts.KexecLoadDisabled.Value);
    }

    [Fact]
    public async Task CaptureAsync_EmptyRoot_EveryFactMissingWithReason()
    {
        using var tree = SandboxHostTree.Empty();

        HostFactsSnapshot facts = await new ProcfsHostFacts(tree.Root).CaptureAsync(Ct);

        Assert.False(facts.KernelRelease.IsKnown);
        Assert.Contains(HostPaths.KernelRelease, facts.KernelRelease.MissingReason, StringComparison.Ordinal);
        Assert.False(facts.CommandLine.IsKnown);
        Assert.False(facts.Iomem.IsKnown);
        Assert.False(facts.Memory.IsKnown);
        Assert.False(facts.Cpus.IsKnown);
        Assert.False(facts.KernelConfig.IsKnown);
        Assert.False(facts.Lockdown.IsKnown);
        Assert.False(facts.Hostname.IsKnown);
    }

    [Fact]
    public async Task CaptureAsync_NoConfigGz_FallsBackToBootConfig()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { KernelConfig = null, KernelRelease = "6.1.0-lab" });
        tree.Write("/boot/config-6.1.0-lab", "CONFIG_KEXEC_FILE=y\nCONFIG_KEXEC_MULTIKERNEL=y\n");

        HostFactsSnapshot facts = await new ProcfsHostFacts(tree.Root).CaptureAsync(Ct);

        Assert.Equal("/boot/config-6.1.0-lab", facts.KernelConfig.Value!.Source);
        Assert.True(facts.KernelConfig.Value.IsBuiltIn("CONFIG_KEXEC_MULTIKERNEL"));
    }

    [Fact]
    public async Task CaptureAsync_CorruptConfigGz_ConfigMissingOthersKnown()
    {
        using var tree = SandboxHostTree.Plausible();
        tree.Write(HostPaths.ConfigGz, "not gzip");

        HostFactsSnapshot facts = await new ProcfsHostFacts(tree.Root).CaptureAsync(Ct);

        Assert.False(facts.KernelConfig.IsKnown);
        Assert.Contains("decompress", facts.KernelConfig.MissingReason, StringComparison.Ordinal);
        Assert.True(facts.KernelRelease.IsKnown);
    }

    [Theory]
    [InlineData("none [integrity] confidentiality\n", LockdownMode.Integrity)]
    [InlineData("none integrity [confidentiality]\n", LockdownMode.Confidentiality)]
    public async Task CaptureAsync_LockdownFile_ReadsBracketedMode(string text, LockdownMode expected)
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { Lockdown = text.TrimEnd() });

        HostFactsSnapshot facts = await new ProcfsHostFacts(tree.Root).CaptureAsync(Ct);

        Assert.Equal(expected, facts.Lockdown.Value);
    }

    [Fact]
    public async Task CaptureAsync_SomeFilesMissing_OnlyThoseMissing()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { Lockdown = null });
        tree.Delete(HostPaths.MemInfo).Delete(HostPaths.Hostname).Write("/etc/hostname", "from-etc\n");

        HostFactsSnapshot facts = await new ProcfsHostFacts(tree.Root).CaptureAsync(Ct);

        Assert.False(facts.Memory.IsKnown);
        Assert.False(facts.Lockdown.IsKnown);
        Assert.Equal("from-etc", facts.Hostname.Value);
        Assert.True(facts.BootId.IsKnown);
        Assert.True(facts.Iomem.IsKnown);
    }
}
