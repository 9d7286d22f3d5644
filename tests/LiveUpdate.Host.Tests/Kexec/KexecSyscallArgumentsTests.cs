using System.Text;
using LiveUpdate.Host.Kexec;

namespace LiveUpdate.Host.Tests.Kexec;

public sealed class KexecSyscallArgumentsTests
{
    [Fact]
    public void ForLoad_CommandLine_IsNulTerminatedAndLengthCountsNul()
    {
        KexecSyscallArguments args = KexecSyscallArguments.ForLoad(new("/b/vmlinuz", "/b/initrd", "root=/dev/vda1 memmap=256M!1G"));

        Assert.Equal(Encoding.ASCII.GetBytes("root=/dev/vda1 memmap=256M!1G\0"), args.CommandLine);
        Assert.Equal((nuint)30, args.CommandLineLength);
        Assert.Equal(KexecFileFlags.None, args.Flags);
    }

    [Fact]
    public void ForLoad_NonAsciiCommandLine_LengthIsUtf8Bytes()
    {
        KexecSyscallArguments args = KexecSyscallArguments.ForLoad(new("/k", null, "x=é"));

        Assert.Equal((nuint)5, args.CommandLineLength);
        Assert.Equal(0, args.CommandLine[^1]);
    }

    [Fact]
    public void ForLoad_NoInitrd_AddsNoInitramfs()
    {
        KexecSyscallArguments args = KexecSyscallArguments.ForLoad(new("/k", null, "quiet", KexecFileFlags.Multikernel));

        Assert.Equal(KexecFileFlags.NoInitramfs | KexecFileFlags.Multikernel, args.Flags);
        Assert.Equal(0x14u, (uint)args.Flags);
    }

    [Fact]
    public void ForLoad_NoInitramfsWithInitrd_Throws()
    {
        Assert.Throws<ArgumentException>(() => KexecSyscallArguments.ForLoad(new("/k", "/i", "quiet", KexecFileFlags.NoInitramfs)));
    }

    [Fact]
    public void ForLoad_EmbeddedNul_Throws()
    {
        Assert.Throws<ArgumentException>(() => KexecSyscallArguments.ForLoad(new("/k", "/i", "a\0b")));
    }

    [Fact]
    public void ForLoad_UnloadFlag_Throws()
    {
        Assert.Throws<ArgumentException>(() => KexecSyscallArguments.ForLoad(new("/k", "/i", "a", KexecFileFlags.Unload)));
    }

    [Fact]
    public void ForUnload_NoCommandLine_OnlyUnloadFlag()
    {
        KexecSyscallArguments args = KexecSyscallArguments.ForUnload();

        Assert.Equal((nuint)0, args.CommandLineLength);
        Assert.Equal(0x1u, (uint)args.Flags);
    }
}
