using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Host.Kexec;

/// <summary>
/// The raw kexec/reboot syscalls. Each returns 0 or the errno. Two implementations: the real one, used only on a
/// host being updated or inside a QEMU guest, and the sandbox one, which writes what the kernel would show.
/// </summary>
internal interface IKexecSyscalls
{
    int FileLoad(KexecSyscallArguments arguments, SafeFileHandle kernel, SafeFileHandle? initrd);

    int Unload();

    /// <summary><c>reboot(LINUX_REBOOT_CMD_KEXEC)</c>. Does not return on success on a real kernel.</summary>
    int RebootKexec();

    /// <summary>The multikernel RFC's <c>reboot(LINUX_REBOOT_CMD_MULTIKERNEL, &amp;{cpu})</c>.</summary>
    int RebootMultikernel(int cpu);
}
