using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Host.Tests.Sandbox;

namespace LiveUpdate.Host.Tests.Handover;

public sealed class HandoverCapabilityDetectorTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task DetectAsync_StockLabHost_KexecOnly()
    {
        using var tree = SandboxHostTree.Plausible();

        HandoverCapabilities caps = await HandoverCapabilityDetector.DetectAsync(tree.Root, Ct);

        Assert.True(caps.KexecFile.Allows(imageSigned: false));
        Assert.False(caps.Multikernel.Available);
        Assert.False(caps.Luo.Available);
        Assert.Equal([HandoverMode.Kexec], caps.DriverModes);
    }

    [Fact]
    public async Task DetectAsync_NoKexecFileConfig_KexecUnavailable()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { KernelConfig = ["# CONFIG_KEXEC_FILE is not set"] });

        HandoverCapabilities caps = await HandoverCapabilityDetector.DetectAsync(tree.Root, Ct);

        Assert.False(caps.KexecFile.Available);
        Assert.Contains("CONFIG_KEXEC_FILE", caps.KexecFile.Reason, StringComparison.Ordinal);
        Assert.Empty(caps.DriverModes);
    }

    [Fact]
    public async Task DetectAsync_KexecLoadDisabled_KexecUnavailable()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { KexecLoadDisabled = true });

        HandoverCapabilities caps = await HandoverCapabilityDetector.DetectAsync(tree.Root, Ct);

        Assert.False(caps.KexecFile.Available);
        Assert.Contains("kexec_load_disabled", caps.KexecFile.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none [integrity] confidentiality")]
    [InlineData("none integrity [confidentiality]")]
    public async Task DetectAsync_Lockdown_RequiresSignedImage(string lockdown)
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { Lockdown = lockdown });

        HandoverCapabilities caps = await HandoverCapabilityDetector.DetectAsync(tree.Root, Ct);

        Assert.True(caps.KexecFile.RequiresSignedImage);
        Assert.False(caps.KexecFile.Allows(imageSigned: false));
        Assert.True(caps.KexecFile.Allows(imageSigned: true));
    }

    [Fact]
    public async Task DetectAsync_MultikernelFilesystem_MultikernelAvailable()
    {
        using var tree = SandboxHostTree.Plausible();
        tree.Directory(HostPaths.Multikernel);

        HandoverCapabilities caps = await HandoverCapabilityDetector.DetectAsync(tree.Root, Ct);

        Assert.True(caps.Multikernel.Available);
        Assert.Equal([HandoverMode.Kexec, HandoverMode.Multikernel], caps.DriverModes);
    }

    [Fact]
    public async Task DetectAsync_MultikernelPoolInIomem_MultikernelAvailable()
    {
        using var tree = SandboxHostTree.Plausible();
        tree.Write(HostPaths.Iomem, tree.Read(HostPaths.Iomem) + "100000000-13fffffff : Multikernel Memory Pool\n");

        HandoverCapabilities caps = await HandoverCapabilityDetector.DetectAsync(tree.Root, Ct);

        Assert.True(caps.Multikernel.Available);
        Assert.Contains("Multikernel Memory Pool", caps.Multikernel.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_MultikernelConfigButKexecDisabled_MultikernelUnavailable()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { KernelConfig = ["CONFIG_KEXEC_MULTIKERNEL=y"] });

        HandoverCapabilities caps = await HandoverCapabilityDetector.DetectAsync(tree.Root, Ct);

        Assert.False(caps.Multikernel.Available);
        Assert.Contains("kexec_file_load is not usable", caps.Multikernel.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_DevLiveupdate_LuoReportedWithoutDriver()
    {
        using var tree = SandboxHostTree.Plausible();
        tree.Write(HostPaths.LiveUpdateDevice, string.Empty);

        HandoverCapabilities caps = await HandoverCapabilityDetector.DetectAsync(tree.Root, Ct);

        Assert.True(caps.Luo.Available);
        Assert.DoesNotContain(HandoverMode.Luo, caps.DriverModes);
    }
}
