using LiveUpdate.Agent.Handover;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Libvirt;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Tests.Handover;

public sealed class HandoverDriversTests : IDisposable
{
    private readonly TempDirectory _dir = new("handover-drivers");
    private readonly LibvirtConnection _libvirt = LibvirtConnection.Open("test:///default");

    public void Dispose()
    {
        _libvirt.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void For_NoSandbox_NeverBuildsTheSimDriver()
    {
        var drivers = HandoverDrivers.For(null, new SysfsCpuHotplug(HostRoot.Machine), _libvirt, new Api.ThrowingTerminator());

        Assert.IsType<KexecHandoverDriver>(drivers(HandoverDriverKind.Kexec));
        Assert.IsType<MultikernelHandoverDriver>(drivers(HandoverDriverKind.Multikernel));
        Assert.Throws<HandoverRefusedException>(() => drivers(HandoverDriverKind.Luo));
    }

    [Fact]
    public void For_Sandbox_EveryKindIsTheSimDriver()
    {
        var root = SandboxTree.Create(_dir.Combine("root"));
        var drivers = HandoverDrivers.For(root.Path, new SysfsCpuHotplug(root), _libvirt, new Api.ThrowingTerminator());

        Assert.All(Enum.GetValues<HandoverDriverKind>(), kind => Assert.IsType<SimHandoverDriver>(drivers(kind)));
    }

    [Fact]
    public void SimHandoverDriver_MachineRoot_Refused() =>
        Assert.Throws<ArgumentException>(() => new SimHandoverDriver(HostRoot.Machine, HandoverMode.Kexec, _libvirt, new Api.ThrowingTerminator()));
}
