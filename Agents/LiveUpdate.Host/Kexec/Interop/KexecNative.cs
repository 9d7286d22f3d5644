using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Host.Kexec.Interop;

/// <summary>
/// The only place raw file descriptors and pointers exist. libc's <c>syscall</c> is used because glibc has no
/// wrapper for kexec_file_load, and its <c>reboot</c> wrapper cannot pass the multikernel argument.
/// </summary>
internal static unsafe partial class KexecNative
{
    public const long SysKexecFileLoad = 320;
    public const long SysReboot = 169;
    public const int RebootMagic1 = unchecked((int)0xfee1dead);
    public const int RebootMagic2 = 672274793;
    public const uint RebootCmdKexec = 0x45584543;
    public const uint RebootCmdMultikernel = 0x4D4B4C49;

    public static int KexecFileLoad(SafeFileHandle kernel, SafeFileHandle? initrd, byte[] cmdline, nuint cmdlineLength, uint flags)
    {
        bool kernelRef = false;
        bool initrdRef = false;
        try
        {
            kernel.DangerousAddRef(ref kernelRef);
            initrd?.DangerousAddRef(ref initrdRef);
            nint initrdFd = initrd is null ? -1 : initrd.DangerousGetHandle();
            fixed (byte* text = cmdline)
            {
                nint rc = Syscall((nint)SysKexecFileLoad, kernel.DangerousGetHandle(), initrdFd, (nint)cmdlineLength, (nint)text, (nint)flags);
                return rc == 0 ? 0 : Marshal.GetLastPInvokeError();
            }
        }
        finally
        {
            if (initrdRef)
            {
                initrd!.DangerousRelease();
            }

            if (kernelRef)
            {
                kernel.DangerousRelease();
            }
        }
    }

    public static int KexecFileUnload(uint flags)
    {
        nint rc = Syscall((nint)SysKexecFileLoad, -1, -1, 0, 0, (nint)flags);
        return rc == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    public static int Reboot(uint command, int? cpu)
    {
        int target = cpu ?? 0;
        nint argument = cpu is null ? 0 : (nint)(&target);
        nint rc = Syscall((nint)SysReboot, RebootMagic1, RebootMagic2, (nint)command, argument, 0);
        return rc == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>sync(2): flushes every filesystem's dirty data to its device.</summary>
    [LibraryImport("libc", EntryPoint = "sync")]
    public static partial void Sync();

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial nint Syscall(nint number, nint arg1, nint arg2, nint arg3, nint arg4, nint arg5);
}
