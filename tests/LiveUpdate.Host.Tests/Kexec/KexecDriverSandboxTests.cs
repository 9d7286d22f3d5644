using LiveUpdate.Host.Kexec;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Tests.Sandbox;

namespace LiveUpdate.Host.Tests.Kexec;

public sealed class KexecDriverSandboxTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task LoadAsync_SandboxHost_SetsLoadedAndRecordsImage()
    {
        using var tree = SandboxHostTree.Plausible();
        (string kernel, string initrd) = Images(tree);
        KexecDriver kexec = KexecDriver.ForSandbox(tree.Root);

        await kexec.LoadAsync(new KexecLoadRequest(kernel, initrd, "root=/dev/vda1 memmap=256M!1G liveupdate.id=42"), Ct);

        Assert.True(await kexec.IsLoadedAsync(Ct));
        Assert.Equal("1", tree.Read(HostPaths.KexecLoaded).Trim());
        SandboxKexecImage image = KexecDriver.ReadSandboxImage(tree.Root)!;
        Assert.Equal((kernel, initrd, "root=/dev/vda1 memmap=256M!1G liveupdate.id=42"), (image.KernelPath, image.InitrdPath, image.CommandLine));
    }

    [Fact]
    public async Task UnloadAsync_AfterLoad_ClearsLoadedAndImage()
    {
        using var tree = SandboxHostTree.Plausible();
        tree.Write(HostPaths.KexecLoadedNew, "0\n");
        (string kernel, string initrd) = Images(tree);
        KexecDriver kexec = KexecDriver.ForSandbox(tree.Root);
        await kexec.LoadAsync(new KexecLoadRequest(kernel, initrd, "quiet"), Ct);
        Assert.Equal("1", tree.Read(HostPaths.KexecLoadedNew).Trim());

        await kexec.UnloadAsync(Ct);

        Assert.False(await kexec.IsLoadedAsync(Ct));
        Assert.Equal("0", tree.Read(HostPaths.KexecLoaded).Trim());
        Assert.Null(KexecDriver.ReadSandboxImage(tree.Root));
    }

    [Fact]
    public async Task LoadAsync_MissingKernel_ThrowsImageUnreadableAndLeavesUnloaded()
    {
        using var tree = SandboxHostTree.Plausible();
        KexecDriver kexec = KexecDriver.ForSandbox(tree.Root);

        var ex = await Assert.ThrowsAsync<KexecException>(() => kexec.LoadAsync(new KexecLoadRequest(tree.PathOf("/boot/none"), null, "quiet"), Ct));

        Assert.Equal(KexecFailure.ImageUnreadable, ex.Reason);
        Assert.False(await kexec.IsLoadedAsync(Ct));
    }

    [Fact]
    public void Execute_NothingLoaded_ThrowsNothingLoaded()
    {
        using var tree = SandboxHostTree.Plausible();

        var ex = Assert.Throws<KexecException>(KexecDriver.ForSandbox(tree.Root).Execute);

        Assert.Equal(KexecFailure.NothingLoaded, ex.Reason);
        Assert.Equal(22, ex.Errno);
    }

    [Fact]
    public async Task Execute_AfterLoad_RecordsExecution()
    {
        using var tree = SandboxHostTree.Plausible();
        (string kernel, string initrd) = Images(tree);
        KexecDriver kexec = KexecDriver.ForSandbox(tree.Root);
        await kexec.LoadAsync(new KexecLoadRequest(kernel, initrd, "quiet"), Ct);

        kexec.Execute();

        Assert.Contains("\"command\": \"kexec\"", tree.Read(SandboxKexecSyscalls.ExecutionFile), StringComparison.Ordinal);
    }

    [Fact]
    public void ForSandbox_MachineRoot_Refuses()
    {
        Assert.Throws<ArgumentException>(() => KexecDriver.ForSandbox(HostRoot.Machine));
    }

    [Fact]
    public async Task IsLoadedAsync_NoKexecFiles_IsFalse()
    {
        using var tree = SandboxHostTree.Empty();

        Assert.False(await KexecDriver.ForSandbox(tree.Root).IsLoadedAsync(Ct));
    }

    private static (string Kernel, string Initrd) Images(SandboxHostTree tree)
    {
        tree.Write("/boot/vmlinuz-next", "MZ fake bzImage").Write("/boot/initrd.img-next", "fake initramfs");
        return (tree.PathOf("/boot/vmlinuz-next"), tree.PathOf("/boot/initrd.img-next"));
    }
}
