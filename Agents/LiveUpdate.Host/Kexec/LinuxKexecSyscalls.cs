using LiveUpdate.Host.Kexec.Interop;
using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Host.Kexec;

/// <summary>The real syscalls. Never constructed by tests; only by <see cref="KexecDriver.ForMachine"/>.</summary>
internal sealed class LinuxKexecSyscalls : IKexecSyscalls
{
    public int FileLoad(KexecSyscallArguments arguments, SafeFileHandle kernel, SafeFileHandle? initrd) =>
        KexecNative.KexecFileLoad(kernel, initrd, arguments.CommandLine, arguments.CommandLineLength, (uint)arguments.Flags);

    public int Unload() => KexecNative.KexecFileUnload((uint)KexecFileFlags.Unload);

    /// <remarks>
    /// The kernel does not flush filesystems on LINUX_REBOOT_CMD_KEXEC; the saved VM state and the
    /// journal on disk must be written out first or the new kernel finds them torn.
    /// </remarks>
    public int RebootKexec()
    {
        KexecNative.Sync();
        return KexecNative.Reboot(KexecNative.RebootCmdKexec, null);
    }

    public int RebootMultikernel(int cpu)
    {
        KexecNative.Sync();
        return KexecNative.Reboot(KexecNative.RebootCmdMultikernel, cpu);
    }
}
