namespace LiveUpdate.Host.Kexec;

/// <summary>Flags of <c>kexec_file_load(2)</c> (include/uapi/linux/kexec.h).</summary>
[Flags]
public enum KexecFileFlags : uint
{
    None = 0,

    /// <summary>Unload the loaded image; all other arguments are ignored.</summary>
    Unload = 0x1,

    /// <summary>Load the crash kernel instead of the normal one.</summary>
    OnCrash = 0x2,

    /// <summary>No initramfs; the initrd fd is ignored.</summary>
    NoInitramfs = 0x4,

    /// <summary>
    /// The multikernel RFC's KEXEC_MULTIKERNEL. Upstream reuses 0x10 for KEXEC_FILE_NO_CMA, so only pass this to a
    /// kernel that reports multikernel support.
    /// </summary>
    Multikernel = 0x10,
}
