namespace LiveUpdate.Host.Sandbox;

/// <summary>The shape of a simulated host laid out by <see cref="SandboxTree"/>. Defaults match the QEMU lab guests.</summary>
public sealed record SandboxHostOptions
{
    public int CpuCount { get; init; } = 4;

    /// <summary>cpu0 usually has no <c>online</c> file on x86; set true to give it one.</summary>
    public bool Cpu0Hotpluggable { get; init; }

    public IReadOnlyList<int> OfflineCpus { get; init; } = [];

    public string KernelRelease { get; init; } = "6.1.0-28-cloud-amd64";

    public Guid BootId { get; init; } = Guid.NewGuid();

    public string Hostname { get; init; } = "hv-sandbox";

    public ulong RamBytes { get; init; } = 2UL << 30;

    /// <summary>Legacy PMEM from <c>memmap=SIZE!OFFSET</c>; zero size lays out a host without PMEM.</summary>
    public ulong PmemBytes { get; init; } = 256UL << 20;

    public ulong PmemOffset { get; init; } = 1UL << 30;

    /// <summary>Where <c>/dev/pmem0</c> is mounted with DAX; null for no mount.</summary>
    public string? PmemMountPoint { get; init; } = "/var/lib/liveupdate/pmem";

    /// <summary>Parameters appended to the generated command line.</summary>
    public string ExtraCommandLine { get; init; } = string.Empty;

    /// <summary>Lines of <c>/proc/config.gz</c>; null for a kernel without IKCONFIG_PROC.</summary>
    public IReadOnlyList<string>? KernelConfig { get; init; } =
    [
        "CONFIG_KEXEC_CORE=y",
        "CONFIG_KEXEC_FILE=y",
        "# CONFIG_KEXEC_SIG_FORCE is not set",
        "CONFIG_X86_PMEM_LEGACY=m",
        "CONFIG_BLK_DEV_PMEM=m",
        "CONFIG_LIBNVDIMM=m",
    ];

    /// <summary>The content of <c>/sys/kernel/security/lockdown</c>; null when the LSM is absent.</summary>
    public string? Lockdown { get; init; } = "[none] integrity confidentiality";

    public bool KexecLoadDisabled { get; init; }
}
