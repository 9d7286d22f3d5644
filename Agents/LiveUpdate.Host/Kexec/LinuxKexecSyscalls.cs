using LiveUpdate.Host.Kexec.Interop;
using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Host.Kexec;

/// <summary>The real syscalls. Never constructed by tests; only by <see cref="KexecDriver.ForMachine"/>.</summary>
internal sealed class LinuxKexecSyscalls : IKexecSyscalls
{
    public int FileLoad(KexecSyscallArguments arguments, SafeFileHandle kernel, SafeFileHandle? initrd) =>
        KexecNative.KexecFileLoad(kernel, initrd, arguments.CommandLine, arguments.CommandLineLength, (uint)arguments.Flags);

    public int Unload() => KexecNative.KexecFileUnload((uint)KexecFileFlags.Unload);

    public int RebootKexec() => KexecNative.Reboot(KexecNative.RebootCmdKexec, null);

    public int RebootMultikernel(int cpu) => KexecNative.Reboot(KexecNative.RebootCmdMultikernel, cpu);
}
