using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Roots;
using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Host.Facts;

/// <summary>
/// What the agent knows about the running kernel at one moment. Each fact is either known or carries the reason
/// it is not, so a host with no lockdown LSM or no <c>/proc/config.gz</c> still yields a snapshot.
/// </summary>
public sealed record HostFactsSnapshot
{
    public required HostRoot Root { get; init; }

    public required HostFact<string> CommandLineText { get; init; }

    public required HostFact<KernelCommandLine> CommandLine { get; init; }

    public required HostFact<string> IomemText { get; init; }

    public required HostFact<IomemMap> Iomem { get; init; }

    public required HostFact<string> KernelRelease { get; init; }

    public required HostFact<string> BootId { get; init; }

    public required HostFact<string> Hostname { get; init; }

    public required HostFact<MemoryInfo> Memory { get; init; }

    public required HostFact<CpuTopology> Cpus { get; init; }

    public required HostFact<KernelConfig> KernelConfig { get; init; }

    /// <summary>Missing when the lockdown LSM is not built in, which means no lockdown.</summary>
    public required HostFact<LockdownMode> Lockdown { get; init; }

    /// <summary>Missing on kernels without kexec at all (the sysctl only exists with CONFIG_KEXEC_CORE).</summary>
    public required HostFact<bool> KexecLoadDisabled { get; init; }
}
