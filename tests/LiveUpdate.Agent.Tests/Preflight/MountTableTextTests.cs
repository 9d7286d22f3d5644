using LiveUpdate.Agent.Preflight;

namespace LiveUpdate.Agent.Tests.Preflight;

public sealed class MountTableTextTests
{
    private static readonly IReadOnlyList<HostMount> Mounts = MountTableText.Parse("""
        /dev/vda1 / ext4 rw,relatime 0 0
        /dev/pmem0 /mnt/pmem ext4 rw,dax=always 0 0
        /dev/vdb1 /mnt/pmem0 xfs rw 0 0
        /dev/pmem1 /mnt/pmem0 xfs rw,dax 0 0
        /dev/vdc1 /srv/with\040space ext4 rw 0 0
        """);

    [Fact]
    public void Find_PathUnderTwoMountsAtOnePoint_TakesTheLaterOne()
    {
        Assert.Equal("/dev/pmem1", MountTableText.Find(Mounts, "/mnt/pmem0/liveupdate")?.Device);
    }

    [Fact]
    public void Find_MountPointThatIsOnlyANamePrefix_NotMatched()
    {
        Assert.Equal("/dev/vda1", MountTableText.Find(Mounts, "/mnt/pmemx/state")?.Device);
        Assert.Equal("/dev/pmem0", MountTableText.Find(Mounts, "/mnt/pmem")?.Device);
    }

    [Fact]
    public void Parse_OctalEscapedSpace_Unescaped()
    {
        Assert.Equal("/dev/vdc1", MountTableText.Find(Mounts, "/srv/with space/vm")?.Device);
    }

    [Theory]
    [InlineData("rw,dax=always", true)]
    [InlineData("rw,dax", true)]
    [InlineData("rw,dax=inode", false)]
    [InlineData("rw,relatime", false)]
    public void Dax_MountOptions_OnlyAlwaysCounts(string options, bool dax)
    {
        Assert.Equal(dax, new HostMount("/dev/pmem0", "/mnt", "ext4", options).Dax);
    }

    [Theory]
    [InlineData("/dev/pmem0", true)]
    [InlineData("/dev/pmem12p1", true)]
    [InlineData("/dev/pmem", false)]
    [InlineData("/dev/vda1", false)]
    public void OnPmem_Device_PmemBlockDevicesOnly(string device, bool onPmem)
    {
        Assert.Equal(onPmem, new HostMount(device, "/mnt", "ext4", "rw").OnPmem);
    }
}
