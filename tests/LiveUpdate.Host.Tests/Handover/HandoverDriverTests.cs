using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Kexec;
using LiveUpdate.Host.Tests.Sandbox;

namespace LiveUpdate.Host.Tests.Handover;

public sealed class HandoverDriverTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task MultikernelHandOverAsync_TargetCpuOnline_RefusesBeforeSyscall()
    {
        using var tree = SandboxHostTree.Plausible();
        MultikernelHandoverDriver driver = Multikernel(tree);
        await driver.LoadAsync(Request(tree), Ct);

        var ex = await Assert.ThrowsAsync<HandoverRefusedException>(() => driver.HandOverAsync(3, Ct));

        Assert.Contains("cpu3 is online", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(tree.PathOf(SandboxKexecSyscalls.ExecutionFile)));
    }

    [Fact]
    public async Task MultikernelHandOverAsync_OfflinedTarget_BootsOnThatCpu()
    {
        using var tree = SandboxHostTree.Plausible();
        MultikernelHandoverDriver driver = Multikernel(tree);
        await driver.LoadAsync(Request(tree), Ct);
        await new SysfsCpuHotplug(tree.Root).SetOnlineAsync(3, false, Ct);

        await driver.HandOverAsync(3, Ct);

        string execution = tree.Read(SandboxKexecSyscalls.ExecutionFile);
        Assert.Contains("\"command\": \"multikernel\"", execution, StringComparison.Ordinal);
        Assert.Contains("\"targetCpu\": 3", execution, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultikernelLoadAsync_AddsMultikernelFlag()
    {
        using var tree = SandboxHostTree.Plausible();

        await Multikernel(tree).LoadAsync(Request(tree), Ct);

        Assert.Equal((uint)KexecFileFlags.Multikernel, KexecDriver.ReadSandboxImage(tree.Root)!.Flags & (uint)KexecFileFlags.Multikernel);
    }

    [Fact]
    public async Task MultikernelHandOverAsync_NoTargetCpu_Refuses()
    {
        using var tree = SandboxHostTree.Plausible();

        await Assert.ThrowsAsync<HandoverRefusedException>(() => Multikernel(tree).HandOverAsync(null, Ct));
    }

    [Fact]
    public async Task KexecHandOverAsync_NothingLoaded_Refuses()
    {
        using var tree = SandboxHostTree.Plausible();

        await Assert.ThrowsAsync<HandoverRefusedException>(() => new KexecHandoverDriver(KexecDriver.ForSandbox(tree.Root)).HandOverAsync(null, Ct));
    }

    [Fact]
    public async Task KexecHandOverAsync_Loaded_ExecutesKexec()
    {
        using var tree = SandboxHostTree.Plausible();
        var driver = new KexecHandoverDriver(KexecDriver.ForSandbox(tree.Root));
        await driver.LoadAsync(Request(tree), Ct);

        await driver.HandOverAsync(null, Ct);

        Assert.Contains("\"command\": \"kexec\"", tree.Read(SandboxKexecSyscalls.ExecutionFile), StringComparison.Ordinal);
    }

    private static MultikernelHandoverDriver Multikernel(SandboxHostTree tree) =>
        new(KexecDriver.ForSandbox(tree.Root), new SysfsCpuHotplug(tree.Root));

    private static KexecLoadRequest Request(SandboxHostTree tree)
    {
        tree.Write("/boot/vmlinuz-next", "kernel").Write("/boot/initrd-next", "initrd");
        return new KexecLoadRequest(tree.PathOf("/boot/vmlinuz-next"), tree.PathOf("/boot/initrd-next"), "quiet memmap=256M!1G");
    }
}
