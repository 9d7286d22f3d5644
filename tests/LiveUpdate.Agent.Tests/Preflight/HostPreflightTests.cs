using LiveUpdate.Agent.Preflight;
using LiveUpdate.Agent.Vms;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Libvirt;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Tests.Preflight;

/// <summary>The real drivers on sandbox host trees, and VMs from libvirt's test driver.</summary>
public sealed class HostPreflightTests : IDisposable
{
    /// <summary>Where the shipped PMEM playbooks save VM state: a sandbox host mounts PMEM there to be ready.</summary>
    private static readonly SandboxHostOptions ReadyHost = new() { PmemMountPoint = "/mnt/pmem0" };

    private readonly TempDirectory _host = new("preflight-host");
    private readonly TempDirectory _node = new("preflight-node");
    private readonly List<IDisposable> _opened = [];

    public void Dispose()
    {
        _opened.ForEach(o => o.Dispose());
        _host.Dispose();
        _node.Dispose();
    }

    [Fact]
    public async Task ReportAsync_PmemMountedAtPlaybookTarget_KexecPlaybooksReadyMultikernelNot()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost);
        string uri = PreflightTestNode.Write(_node, new TestDomain("web", 64), new TestDomain("db", 96));

        PreflightReport report = await ReportAsync(root, uri);

        Assert.True(Verdict(report, ShippedPlaybooks.PmemKexec).Ready, Describe(Verdict(report, ShippedPlaybooks.PmemKexec)));
        Assert.True(Verdict(report, ShippedPlaybooks.SaveToDiskKexec).Ready, Describe(Verdict(report, ShippedPlaybooks.SaveToDiskKexec)));
        PlaybookReadiness multikernel = Verdict(report, ShippedPlaybooks.PmemMultikernel);
        Assert.False(multikernel.Ready);
        Assert.Contains(PreflightCodes.MultikernelUnavailable, Codes(multikernel));
        Assert.Contains("slots-missing", Codes(multikernel));
        Assert.False(report.AllReady);
    }

    [Fact]
    public async Task ReportAsync_SandboxHost_ReportsItsFacts()
    {
        var id = Guid.NewGuid();
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost with { Hostname = "hv-07", BootId = id, KernelRelease = "6.1.0-99-amd64" });
        string uri = PreflightTestNode.Write(_node, new TestDomain("web", 64));

        PreflightReport report = await ReportAsync(root, uri);

        Assert.Equal(("hv-07", "6.1.0-99-amd64", id.ToString("D")), (report.HostName, report.KernelRelease, report.BootId));
        Assert.Contains("memmap=256M!1024M", report.CommandLine, StringComparison.Ordinal);
        Assert.Equal(0UL, report.Generation);
        Assert.Equal([0, 1, 2, 3], report.Cpus!.Online);
        Assert.Equal(3, report.CpuToOffline);
        Assert.Equal(256UL << 20, report.PmemBytes);
        Assert.Equal("/mnt/pmem0", Assert.Single(report.PmemMounts).MountPoint);
        Assert.True(report.Capabilities.KexecFile.Available);
        Assert.Equal(("web", 64UL << 20), (Assert.Single(report.Vms).Name, report.VmMemoryBytes));
        Assert.Null(report.LibvirtError);
    }

    [Fact]
    public async Task ReportAsync_NoPmem_PmemPlaybooksNotReadyWithMemmapFixDiskReady()
    {
        HostRoot root = SandboxTree.Create(_host.Path, new SandboxHostOptions { PmemBytes = 0 });
        string uri = PreflightTestNode.Write(_node, new TestDomain("web", 64));

        PreflightReport report = await ReportAsync(root, uri);

        foreach (string name in new[] { ShippedPlaybooks.PmemKexec, ShippedPlaybooks.PmemMultikernel })
        {
            PlaybookReadiness verdict = Verdict(report, name);
            Assert.False(verdict.Ready);
            PreflightReason missing = Assert.Single(verdict.Reasons, r => r.Code == "pmem-missing");
            Assert.Contains("memmap=", missing.Fix, StringComparison.Ordinal);
            Assert.Contains(PreflightCodes.SaveTargetNotOnPmem, Codes(verdict));
        }

        Assert.True(Verdict(report, ShippedPlaybooks.SaveToDiskKexec).Ready, Describe(Verdict(report, ShippedPlaybooks.SaveToDiskKexec)));
    }

    [Fact]
    public async Task ReportAsync_OneCpu_EveryKexecPlaybookNotReady()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost with { CpuCount = 1 });
        string uri = PreflightTestNode.Write(_node);

        PreflightReport report = await ReportAsync(root, uri);

        Assert.All(report.Playbooks, p => Assert.Contains(PreflightCodes.CpusTooFewOnline, Codes(p)));
        Assert.Null(report.CpuToOffline);
    }

    [Fact]
    public async Task ReportAsync_OnlyCpu0Hotpluggable_NoneToOffline()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost with { CpuCount = 2 });
        File.Delete(root.Resolve(HostPaths.CpuOnline(1)));

        PreflightReport report = await ReportAsync(root, PreflightTestNode.Write(_node));

        Assert.Contains(PreflightCodes.CpusNoneHotpluggable, Codes(Verdict(report, ShippedPlaybooks.PmemKexec)));
    }

    [Fact]
    public async Task ReportAsync_KexecLoadDisabled_BlocksEveryPlaybookWithRebootFix()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost with { KexecLoadDisabled = true });

        PreflightReport report = await ReportAsync(root, PreflightTestNode.Write(_node));

        Assert.All(report.Playbooks, p =>
            Assert.Contains("reboot", Assert.Single(p.Reasons, r => r.Code == PreflightCodes.KexecLoadDisabled).Fix, StringComparison.Ordinal));
        Assert.True(report.KexecLoadDisabled);
    }

    [Fact]
    public async Task ReportAsync_Lockdown_ReadyWithSignedImageNote()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost with { Lockdown = "none [integrity] confidentiality" });

        PreflightReport report = await ReportAsync(root, PreflightTestNode.Write(_node), ShippedPlaybooks.PmemKexec);

        PlaybookReadiness verdict = Assert.Single(report.Playbooks);
        Assert.True(verdict.Ready, Describe(verdict));
        Assert.Contains(PreflightCodes.KexecSignedOnly, verdict.Notes.Select(n => n.Code));
        Assert.Equal("integrity", report.Lockdown);
    }

    [Fact]
    public async Task ReportAsync_KernelWithoutKexecFile_BlocksWithKernelFix()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost with { KernelConfig = ["CONFIG_KEXEC_CORE=y", "# CONFIG_KEXEC_FILE is not set"] });

        PreflightReport report = await ReportAsync(root, PreflightTestNode.Write(_node), ShippedPlaybooks.PmemKexec);

        Assert.Contains(PreflightCodes.KexecFileMissing, Codes(Assert.Single(report.Playbooks)));
    }

    [Fact]
    public async Task ReportAsync_PmemMountedWithoutDax_ReadyWithNote()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost);
        SandboxTree.WriteFile(root, HostPaths.Mounts, "/dev/vda1 / ext4 rw,relatime 0 0\n/dev/pmem0 /mnt/pmem0 ext4 rw,relatime 0 0\n");

        PreflightReport report = await ReportAsync(root, PreflightTestNode.Write(_node), ShippedPlaybooks.PmemKexec);

        PlaybookReadiness verdict = Assert.Single(report.Playbooks);
        Assert.True(verdict.Ready, Describe(verdict));
        Assert.Equal([PreflightCodes.SaveTargetNotDax], verdict.Notes.Select(n => n.Code));
        Assert.False(Assert.Single(report.PmemMounts).Dax);
    }

    [Fact]
    public async Task ReportAsync_VmsLargerThanPmem_PmemTooSmallAndDiskStillReady()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost);
        string uri = PreflightTestNode.Write(_node, new TestDomain("a", 128), new TestDomain("b", 192));

        PreflightReport report = await ReportAsync(root, uri);

        Assert.Contains("pmem-too-small", Codes(Verdict(report, ShippedPlaybooks.PmemKexec)));
        Assert.True(Verdict(report, ShippedPlaybooks.SaveToDiskKexec).Ready, Describe(Verdict(report, ShippedPlaybooks.SaveToDiskKexec)));
    }

    [Fact]
    public async Task ReportAsync_VmLargerThanFreeSpace_TargetTooSmallAndVmNotPreservable()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost);
        ulong free = (ulong)new DriveInfo(_host.Path).AvailableFreeSpace;
        ulong hugeMiB = (free >> 20) + (1UL << 20);
        string uri = PreflightTestNode.Write(_node, new TestDomain("small", 64), new TestDomain("zz-huge", hugeMiB));

        PreflightReport report = await ReportAsync(root, uri, ShippedPlaybooks.SaveToDiskKexec);

        PlaybookReadiness verdict = Assert.Single(report.Playbooks);
        Assert.Contains(PreflightCodes.SaveTargetTooSmall, Codes(verdict));
        Assert.Equal([("small", true), ("zz-huge", false)], verdict.Vms.Select(v => (v.Name, v.Preservable)));
    }

    [Fact]
    public async Task ReportAsync_VmWithPciHostdev_BlocksNamingTheVmAndDevice()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost);
        string uri = PreflightTestNode.Write(_node, new TestDomain("gpu", 64, PciPassthrough: true), new TestDomain("web", 64));

        PreflightReport report = await ReportAsync(root, uri, ShippedPlaybooks.PmemKexec);

        PlaybookReadiness verdict = Assert.Single(report.Playbooks);
        PreflightReason reason = Assert.Single(verdict.Reasons);
        Assert.Equal(PreflightCodes.VmPassthrough, reason.Code);
        Assert.Contains("gpu", reason.Message, StringComparison.Ordinal);
        Assert.Contains("pci 0000:06:02.0", reason.Message, StringComparison.Ordinal);
        Assert.Equal([("gpu", false), ("web", true)], verdict.Vms.Select(v => (v.Name, v.Preservable)));
    }

    [Fact]
    public async Task ReportAsync_LibvirtUnreachable_ReasonWithUriAndLibvirtMessage()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost);
        string uri = "test://" + _node.Combine("missing-node.xml");

        PreflightReport report = await ReportAsync(root, uri);

        Assert.NotNull(report.LibvirtError);
        Assert.All(report.Playbooks, p =>
        {
            PreflightReason reason = Assert.Single(p.Reasons, r => r.Code == PreflightCodes.LibvirtUnreachable);
            Assert.Contains(uri, reason.Message, StringComparison.Ordinal);
            Assert.Contains(report.LibvirtError!, reason.Message, StringComparison.Ordinal);
        });
        Assert.Empty(report.Vms);
    }

    [Fact]
    public async Task CheckAsync_OnePlaybook_SameVerdictAsReport()
    {
        HostRoot root = SandboxTree.Create(_host.Path, new SandboxHostOptions { PmemBytes = 0 });
        string uri = PreflightTestNode.Write(_node);
        Playbook playbook = ShippedPlaybooks.Load(ShippedPlaybooks.PmemKexec).GetPlaybookOrThrow();

        PlaybookReadiness verdict = await Preflight(root, uri).CheckAsync(playbook, CancellationToken.None);

        Assert.Equal(Codes(Verdict(await ReportAsync(root, uri), ShippedPlaybooks.PmemKexec)), Codes(verdict));
    }

    [Fact]
    public async Task ReportAsync_AnyHost_WritesNothingUnderTheRoot()
    {
        HostRoot root = SandboxTree.Create(_host.Path, ReadyHost);
        string uri = PreflightTestNode.Write(_node, new TestDomain("web", 64));
        var before = Snapshot(_host.Path);

        await ReportAsync(root, uri);

        Assert.Equal(before, Snapshot(_host.Path));
    }

    private static string[] Snapshot(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Select(p => $"{p} {(File.Exists(p) ? new FileInfo(p).Length : -1)} {File.GetLastWriteTimeUtc(p):O}")
            .Order(StringComparer.Ordinal)];

    private HostPreflight Preflight(HostRoot root, string uri)
    {
        LibvirtVirtualMachines? vms = null;
        return new HostPreflight(root, uri, () =>
        {
            if (vms is null)
            {
                vms = new LibvirtVirtualMachines(LibvirtConnection.OpenReadOnly(uri), TimeProvider.System);
                _opened.Add(vms);
            }

            return vms;
        });
    }

    private Task<PreflightReport> ReportAsync(HostRoot root, string uri, params string[] playbooks) =>
        Preflight(root, uri).ReportAsync(
            (playbooks.Length > 0 ? playbooks : ShippedPlaybooks.Names).Select(n => ShippedPlaybooks.Load(n).GetPlaybookOrThrow()),
            CancellationToken.None);

    private static PlaybookReadiness Verdict(PreflightReport report, string playbook) => report.Playbooks.Single(p => p.Playbook == playbook);

    private static IReadOnlyList<string> Codes(PlaybookReadiness verdict) => [.. verdict.Reasons.Select(r => r.Code)];

    private static string Describe(PlaybookReadiness verdict) => string.Join("; ", verdict.Reasons.Select(r => $"{r.Code}: {r.Message}"));
}
