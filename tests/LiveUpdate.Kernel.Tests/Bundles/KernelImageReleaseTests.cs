using System.Text;
using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Kernel.Tests.Bundles;

public sealed class KernelImageReleaseTests : IDisposable
{
    private readonly TempDirectory _dir = new("kernel-release");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_BzImageSetupHeader_ReturnsTheReleaseAtTheVersionOffset()
    {
        var image = new byte[0x4000];
        Encoding.ASCII.GetBytes("HdrS").CopyTo(image, 0x202);
        BitConverter.GetBytes((ushort)0x3000).CopyTo(image, 0x20E);
        Encoding.ASCII.GetBytes("6.12.9-amd64 (debian-kernel@lists.debian.org) #1 SMP\0").CopyTo(image, 0x3200);

        Assert.Equal("6.12.9-amd64", KernelImageRelease.Read(_dir.Write("bzImage", image)));
    }

    [Fact]
    public void Read_LabImageWithMarkerLine_ReturnsTheMarkedRelease() =>
        Assert.Equal("6.1.0-50-lab", KernelImageRelease.Read(_dir.WriteFile("vmlinuz", "junk\nLinux version 6.1.0-50-lab (lab) #1\n")));

    [Fact]
    public void Read_MarkerPast64KiB_ReturnsNull() =>
        Assert.Null(KernelImageRelease.Read(_dir.WriteFile("vmlinuz", new string('x', 70_000) + "Linux version 6.1.0-50-lab\n")));
}
