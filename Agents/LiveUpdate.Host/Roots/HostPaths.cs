namespace LiveUpdate.Host.Roots;

/// <summary>
/// The kernel interfaces the drivers read and write, as absolute host paths. One list keeps the drivers and
/// the sandbox tree builder from drifting apart.
/// </summary>
public static class HostPaths
{
    public const string CpuDirectory = "/sys/devices/system/cpu";
    public const string CpusPossible = CpuDirectory + "/possible";
    public const string CpusPresent = CpuDirectory + "/present";
    public const string CpusOnline = CpuDirectory + "/online";

    public const string CommandLine = "/proc/cmdline";
    public const string Iomem = "/proc/iomem";
    public const string MemInfo = "/proc/meminfo";
    public const string Mounts = "/proc/self/mounts";
    public const string ConfigGz = "/proc/config.gz";
    public const string KernelRelease = "/proc/sys/kernel/osrelease";
    public const string BootId = "/proc/sys/kernel/random/boot_id";
    public const string Hostname = "/proc/sys/kernel/hostname";
    public const string KexecLoadDisabled = "/proc/sys/kernel/kexec_load_disabled";

    public const string KexecLoaded = "/sys/kernel/kexec_loaded";
    public const string KexecLoadedNew = "/sys/kernel/kexec/loaded";
    public const string Lockdown = "/sys/kernel/security/lockdown";
    public const string Multikernel = "/sys/fs/multikernel";
    public const string LiveUpdateDevice = "/dev/liveupdate";

    public const string BlockDevices = "/sys/block";
    public const string NdDevices = "/sys/bus/nd/devices";

    public static string CpuOnline(int cpu) => $"{CpuDirectory}/cpu{cpu}/online";

    public static string BootConfig(string release) => $"/boot/config-{release}";
}
