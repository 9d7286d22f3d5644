using LiveUpdate.Agent.Preflight;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Tests.Preflight;

public sealed class HandoverChecksTests : IDisposable
{
    private readonly TempDirectory _host = new("preflight-handover");

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Check_LuoDeviceOnly_NotReadyBecauseNoDriverYet()
    {
        HostRoot root = SandboxTree.Create(_host.Path);
        SandboxTree.WriteFile(root, HostPaths.LiveUpdateDevice, string.Empty);

        PreflightFindings findings = await CheckAsync(root, HandoverDriverKind.Luo);

        Assert.Equal(PreflightCodes.LuoNoDriver, Assert.Single(findings.Reasons).Code);
    }

    [Fact]
    public async Task Check_NoConfigAndNoKexecSysctl_KexecMissing()
    {
        HostRoot root = SandboxTree.Create(_host.Path, new SandboxHostOptions { KernelConfig = null });
        File.Delete(root.Resolve(HostPaths.KexecLoadDisabled));

        PreflightFindings findings = await CheckAsync(root, HandoverDriverKind.Kexec);

        Assert.Equal(PreflightCodes.KexecMissing, Assert.Single(findings.Reasons).Code);
    }

    [Fact]
    public async Task Check_NoKexecFileAndLoadDisabled_ListsBothCauses()
    {
        HostRoot root = SandboxTree.Create(_host.Path, new SandboxHostOptions { KexecLoadDisabled = true, KernelConfig = ["# CONFIG_KEXEC_FILE is not set"] });

        PreflightFindings findings = await CheckAsync(root, HandoverDriverKind.Kexec);

        Assert.Equal([PreflightCodes.KexecFileMissing, PreflightCodes.KexecLoadDisabled], findings.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task Check_MultikernelSupportPresent_Ready()
    {
        HostRoot root = SandboxTree.Create(_host.Path);
        Directory.CreateDirectory(root.Resolve(HostPaths.Multikernel));

        PreflightFindings findings = await CheckAsync(root, HandoverDriverKind.Multikernel);

        Assert.Empty(findings.Reasons);
    }

    private static async Task<PreflightFindings> CheckAsync(HostRoot root, HandoverDriverKind kind)
    {
        HostFactsSnapshot facts = await new ProcfsHostFacts(root).CaptureAsync(CancellationToken.None);
        var findings = new PreflightFindings();
        HandoverChecks.Check(kind, facts, HandoverCapabilityDetector.Detect(facts), findings);
        return findings;
    }
}
