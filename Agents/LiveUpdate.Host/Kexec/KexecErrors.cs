using LiveUpdate.Host.Roots;

namespace LiveUpdate.Host.Kexec;

/// <summary>
/// Maps a kexec errno to a <see cref="KexecException"/>. EPERM is ambiguous in the kernel, so the host's lockdown
/// and kexec_load_disabled files are read to say which cause applies.
/// </summary>
internal static class KexecErrors
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ENOEXEC = 8;
    public const int ENOMEM = 12;
    public const int EBUSY = 16;
    public const int EINVAL = 22;
    public const int ENOSYS = 38;
    public const int EBADMSG = 74;
    public const int EKEYREJECTED = 129;

    public static KexecException FromErrno(string operation, int errno, HostRoot root) => errno switch
    {
        EPERM => FromPermission(operation, root),
        EKEYREJECTED or EBADMSG => new(operation, KexecFailure.SignatureRejected, errno,
            $"kexec {operation}: the kernel rejected the image signature (errno {errno}); sign the bundle's kernel with a key in the kernel's keyring."),
        ENOEXEC => new(operation, KexecFailure.NotAKernelImage, errno,
            $"kexec {operation}: the file is not a kernel image this kernel can load (ENOEXEC); check the bundle holds an x86_64 bzImage."),
        EBUSY => new(operation, KexecFailure.Busy, errno,
            $"kexec {operation}: the kernel is busy (EBUSY), another kexec operation holds the lock; retry."),
        ENOMEM => new(operation, KexecFailure.OutOfMemory, errno,
            $"kexec {operation}: out of memory placing the image (ENOMEM); free memory or use a smaller initramfs, then retry."),
        ENOSYS => new(operation, KexecFailure.NotSupported, errno,
            $"kexec {operation}: kexec_file_load is not available (ENOSYS); the running kernel lacks CONFIG_KEXEC_FILE."),
        EINVAL when operation is "execute" or "multikernel-boot" => new(operation, KexecFailure.NothingLoaded, errno,
            $"kexec {operation}: no image is loaded (EINVAL); load the bundle first."),
        _ => new(operation, KexecFailure.Other, errno,
            $"kexec {operation} failed with errno {errno}; EINVAL on load usually means the command line is too long or the image is malformed."),
    };

    private static KexecException FromPermission(string operation, HostRoot root)
    {
        string? lockdown = ReadOrNull(root, HostPaths.Lockdown);
        if (lockdown is not null && !lockdown.Contains("[none]", StringComparison.Ordinal))
        {
            return new(operation, KexecFailure.Lockdown, EPERM,
                $"kexec {operation}: refused by kernel lockdown ({lockdown}); only signed images load, so sign the bundle's kernel.");
        }

        if (ReadOrNull(root, HostPaths.KexecLoadDisabled) == "1")
        {
            return new(operation, KexecFailure.LoadDisabled, EPERM,
                $"kexec {operation}: kernel.kexec_load_disabled is 1 and stays so until reboot; this host cannot be live-updated, reboot it instead.");
        }

        return new(operation, KexecFailure.PermissionDenied, EPERM,
            $"kexec {operation}: permission denied (EPERM); the agent needs CAP_SYS_BOOT.");
    }

    private static string? ReadOrNull(HostRoot root, string hostPath)
    {
        string path = root.Resolve(hostPath);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
