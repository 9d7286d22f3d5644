using LiveUpdate.Host.Pmem;

namespace LiveUpdate.Host.Tests.Pmem;

public sealed class MountTableTests
{
    [Fact]
    public void Parse_EscapedMountPoint_Unescapes()
    {
        MountEntry entry = Assert.Single(MountTable.Parse("/dev/pmem0 /mnt/vm\\040state ext4 rw,dax 0 0\n"));

        Assert.Equal("/mnt/vm state", entry.MountPoint);
        Assert.True(entry.IsDax);
    }

    [Theory]
    [InlineData("rw,relatime,dax=always", true)]
    [InlineData("rw,dax", true)]
    [InlineData("rw,dax=never", false)]
    [InlineData("rw,relatime", false)]
    public void IsDax_Options_DetectsDaxAlways(string options, bool expected)
    {
        Assert.Equal(expected, new MountEntry("/dev/pmem0", "/m", "xfs", options).IsDax);
    }
}
