using LiveUpdate.Agent.Preflight;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Tests.Preflight;

public sealed class VmChecksTests
{
    private const ulong MiB = 1 << 20;

    [Fact]
    public void Assess_SpaceRunsOut_VmsThatDoNotFitWhatIsLeftAreNotPreservable()
    {
        VmFact[] vms = [Vm("c", 300), Vm("a", 400), Vm("b", 400), Vm("d", 100)];

        var result = VmChecks.Assess(vms, 1000 * MiB);

        Assert.Equal([("a", true), ("b", true), ("c", false), ("d", true)], result.Select(v => (v.Name, v.Preservable)));
        Assert.Contains("200 MiB", result[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_FreeSpaceUnknown_OnlyPassthroughBlocksAVm()
    {
        var result = VmChecks.Assess([Vm("a", 400), Vm("b", 1, "pci 0000:00:01.0")], null);

        Assert.Equal([true, false], result.Select(v => v.Preservable));
    }

    [Fact]
    public void Check_LibvirtUnreachable_OneReasonNamingUriAndError()
    {
        var findings = new PreflightFindings();

        var result = VmChecks.Check("qemu:///system", VmCensus.Unreachable("Failed to connect socket"), 1000 * MiB, findings);

        Assert.Empty(result);
        PreflightReason reason = Assert.Single(findings.Reasons);
        Assert.Equal(PreflightCodes.LibvirtUnreachable, reason.Code);
        Assert.Contains("qemu:///system", reason.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to connect socket", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TwoPassthroughVms_OneReasonEach()
    {
        var findings = new PreflightFindings();

        VmChecks.Check("test:///x", new VmCensus([Vm("a", 1, "pci 0000:00:01.0"), Vm("b", 1), Vm("c", 1, "usb")], null), null, findings);

        Assert.Equal([PreflightCodes.VmPassthrough, PreflightCodes.VmPassthrough], findings.Reasons.Select(r => r.Code));
        Assert.Contains("VM c", findings.Reasons[1].Message, StringComparison.Ordinal);
    }

    private static VmFact Vm(string name, ulong mib, params string[] passthrough) => new(name, DomainState.Running, mib * MiB, passthrough);
}
