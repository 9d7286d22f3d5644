using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Host.Tests.Sandbox;

public sealed class SandboxTreeTests
{
    [Fact]
    public async Task Create_DefaultHost_MemmapAndIomemAgree()
    {
        using var tree = SandboxHostTree.Plausible();

        HostFactsSnapshot facts = await new ProcfsHostFacts(tree.Root).CaptureAsync(CancellationToken.None);

        MemmapRegion memmap = Assert.Single(MemmapParser.FromCommandLine(facts.CommandLine.Value!));
        IomemRange pmem = Assert.Single(facts.Iomem.Value!.PersistentMemory());
        Assert.Equal((MemmapKind.Persistent, pmem.Start, pmem.Size), (memmap.Kind, memmap.Start, memmap.Size));
        Assert.Equal((long)memmap.Size, new FileInfo(tree.PathOf("/dev/pmem0")).Length);
    }

    [Fact]
    public void Create_MachineRoot_Refuses()
    {
        Assert.Throws<ArgumentException>(() => SandboxTree.Create("/"));
    }

    [Fact]
    public void Create_TwoHosts_HaveDistinctBootIds()
    {
        using var a = SandboxHostTree.Plausible();
        using var b = SandboxHostTree.Plausible();

        Assert.NotEqual(a.Read(HostPaths.BootId), b.Read(HostPaths.BootId));
    }
}
