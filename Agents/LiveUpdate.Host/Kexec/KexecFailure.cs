namespace LiveUpdate.Host.Kexec;

public enum KexecFailure
{
    /// <summary>EPERM with the lockdown LSM in integrity or confidentiality mode.</summary>
    Lockdown,

    /// <summary>EPERM because <c>kernel.kexec_load_disabled</c> is 1 (it cannot be reset without a reboot).</summary>
    LoadDisabled,

    /// <summary>EPERM for another reason, usually a missing CAP_SYS_BOOT.</summary>
    PermissionDenied,

    /// <summary>EKEYREJECTED or EBADMSG: the kernel could not verify the image signature.</summary>
    SignatureRejected,

    /// <summary>ENOEXEC: the file is not a kernel image this kernel can load.</summary>
    NotAKernelImage,

    Busy,

    OutOfMemory,

    /// <summary>The kernel or initrd file does not exist or cannot be opened.</summary>
    ImageUnreadable,

    /// <summary>ENOSYS: the kernel was built without CONFIG_KEXEC_FILE.</summary>
    NotSupported,

    /// <summary>EINVAL from reboot: nothing is loaded.</summary>
    NothingLoaded,

    Other,
}
