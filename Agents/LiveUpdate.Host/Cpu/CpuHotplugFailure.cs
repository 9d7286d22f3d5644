namespace LiveUpdate.Host.Cpu;

public enum CpuHotplugFailure
{
    /// <summary>The CPU has no <c>online</c> file; the kernel will not take it offline.</summary>
    NotHotpluggable,

    /// <summary>The CPU is not present on this host.</summary>
    NoSuchCpu,

    /// <summary>The kernel answered EBUSY, typically while another hotplug operation or a pinned task holds the CPU.</summary>
    Busy,

    /// <summary>Refused before writing: the host would be left with no online CPU.</summary>
    LastOnlineCpu,

    /// <summary>The <c>online</c> file could not be opened for writing (not root, read-only sysfs, or not a file).</summary>
    PermissionDenied,

    /// <summary>The kernel rejected the write with another errno.</summary>
    WriteFailed,
}
