using LiveUpdate.Agent.Preflight;
using LiveUpdate.Host.Pmem;

namespace LiveUpdate.Agent.Tests.Preflight;

public sealed class SaveTargetChecksTests
{
    private const ulong GiB = 1UL << 30;
    private static readonly PmemInventory NoPmem = new([], [], [], [], false);
    private static readonly HostMount Disk = new("/dev/vda1", "/", "ext4", "rw");
    private static readonly HostMount PmemDax = new("/dev/pmem0", "/mnt/pmem0", "ext4", "rw,dax=always");
    private static readonly HostMount PmemNoDax = new("/dev/pmem0", "/mnt/pmem0", "ext4", "rw");

    [Fact]
    public void Check_PmemPlaybookTargetOnDisk_BlocksWithMkfsAndDaxMountFix()
    {
        var findings = new PreflightFindings();

        SaveTargetChecks.Check(needsPmem: true, new SaveTargetFact("/mnt/pmem0/liveupdate", Disk, 10 * GiB), NoPmem, 1 * GiB, findings);

        PreflightReason reason = Assert.Single(findings.Reasons);
        Assert.Equal(PreflightCodes.SaveTargetNotOnPmem, reason.Code);
        Assert.Contains("mount -o dax=always /dev/pmem0 /mnt/pmem0", reason.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DiskPlaybookTargetOnDisk_Fine()
    {
        var findings = new PreflightFindings();

        SaveTargetChecks.Check(needsPmem: false, new SaveTargetFact("/var/lib/liveupdate/vm-state", Disk, 10 * GiB), NoPmem, 1 * GiB, findings);

        Assert.Empty(findings.Reasons);
        Assert.Empty(findings.Notes);
    }

    [Fact]
    public void Check_PmemWithoutDax_NoteNotBlock()
    {
        var findings = new PreflightFindings();

        SaveTargetChecks.Check(needsPmem: true, new SaveTargetFact("/mnt/pmem0/liveupdate", PmemNoDax, 10 * GiB), NoPmem, 1 * GiB, findings);

        Assert.Empty(findings.Reasons);
        Assert.Equal(PreflightCodes.SaveTargetNotDax, Assert.Single(findings.Notes).Code);
    }

    [Theory]
    [InlineData(4, 3, true)]
    [InlineData(3, 3, false)]
    public void Check_VmStateAgainstFreeSpace_BlocksOnlyWhenLarger(ulong vmGiB, ulong freeGiB, bool blocked)
    {
        var findings = new PreflightFindings();

        SaveTargetChecks.Check(needsPmem: true, new SaveTargetFact("/mnt/pmem0/liveupdate", PmemDax, freeGiB * GiB), NoPmem, vmGiB * GiB, findings);

        Assert.Equal(blocked, findings.Has(PreflightCodes.SaveTargetTooSmall));
    }

    [Fact]
    public void Check_VmsUnknown_NoCapacityVerdict()
    {
        var findings = new PreflightFindings();

        SaveTargetChecks.Check(needsPmem: false, new SaveTargetFact("/var/lib/x", Disk, 0), NoPmem, null, findings);

        Assert.Empty(findings.Reasons);
    }
}
