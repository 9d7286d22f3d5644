namespace LiveUpdate.Agent.Preflight;

/// <summary>
/// The codes of preflight reasons and notes. Stable: scripts and dashboards match on them. Memory layout
/// reasons use the planner's own codes in kebab case (e.g. <c>pmem-missing</c>, <c>slots-missing</c>).
/// </summary>
public static class PreflightCodes
{
    public const string KexecMissing = "kexec-missing";
    public const string KexecFileMissing = "kexec-file-missing";
    public const string KexecLoadDisabled = "kexec-load-disabled";
    public const string KexecSignedOnly = "kexec-signed-only";
    public const string MultikernelUnavailable = "multikernel-unavailable";
    public const string LuoUnavailable = "luo-unavailable";
    public const string LuoNoDriver = "luo-no-driver";

    public const string CpusUnknown = "cpus-unknown";
    public const string CpusTooFewOnline = "cpus-too-few-online";
    public const string CpusNoneHotpluggable = "cpus-none-hotpluggable";

    public const string CommandLineUnreadable = "cmdline-unreadable";
    public const string IomemUnreadable = "iomem-unreadable";
    public const string PmemLegacyUnsupported = "pmem-legacy-unsupported";
    public const string PmemNotPresent = "pmem-not-present";
    public const string PmemNoDevice = "pmem-no-device";

    public const string SaveTargetUnknown = "save-target-unknown";
    public const string SaveTargetNotOnPmem = "save-target-not-on-pmem";
    public const string SaveTargetNotDax = "save-target-not-dax";
    public const string SaveTargetTooSmall = "save-target-too-small";
    public const string SaveTargetFreeUnknown = "save-target-free-unknown";

    public const string LibvirtUnreachable = "libvirt-unreachable";
    public const string VmPassthrough = "vm-passthrough";
}
