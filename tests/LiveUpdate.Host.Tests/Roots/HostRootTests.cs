using LiveUpdate.Host.Roots;

namespace LiveUpdate.Host.Tests.Roots;

public sealed class HostRootTests
{
    [Fact]
    public void Resolve_SandboxRoot_PrefixesHostPath()
    {
        var root = new HostRoot("/tmp/host-a/");

        Assert.Equal("/tmp/host-a/proc/cmdline", root.Resolve("/proc/cmdline"));
        Assert.False(root.IsSystemRoot);
    }

    [Fact]
    public void Resolve_MachineRoot_ReturnsHostPathUnchanged()
    {
        Assert.Equal("/proc/cmdline", HostRoot.Machine.Resolve("/proc/cmdline"));
        Assert.True(HostRoot.Machine.IsSystemRoot);
    }

    [Fact]
    public void Constructor_RelativePath_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HostRoot("relative/dir"));
    }

    [Fact]
    public void Resolve_RelativeHostPath_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HostRoot("/tmp/x").Resolve("proc/cmdline"));
    }
}
