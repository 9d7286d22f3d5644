namespace LiveUpdate.Host.Facts;

/// <summary>The kernel lockdown LSM mode, the bracketed word of <c>/sys/kernel/security/lockdown</c>.</summary>
public enum LockdownMode
{
    None,

    /// <summary>kexec_file_load accepts only images whose signature the kernel verifies.</summary>
    Integrity,

    /// <summary>As integrity, and more reads of kernel memory are blocked.</summary>
    Confidentiality,
}
