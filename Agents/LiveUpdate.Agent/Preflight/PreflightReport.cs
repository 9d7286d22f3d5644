using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Pmem;

namespace LiveUpdate.Agent.Preflight;

/// <summary>
/// The host's facts at one moment and the verdict for each playbook judged. The facts do not depend on a
/// bundle, so Describe shows the same report; a fact that could not be read is null and listed in <see cref="UnknownFacts"/>.
/// </summary>
public sealed record PreflightReport
{
    /// <summary>The directory read as "/": the machine's own root, or a sandbox tree.</summary>
    public required string Root { get; init; }

    public required string? HostName { get; init; }

    public required string? KernelRelease { get; init; }

    public required string? BootId { get; init; }

    public required string? CommandLine { get; init; }

    /// <summary>The running kernel's <c>liveupdate.generation</c> (0 when it has none).</summary>
    public required ulong? Generation { get; init; }

    /// <summary>The running kernel's <c>liveupdate.bundle</c>: the digest of the bundle it was booted from, if any.</summary>
    public required string? BundleDigest { get; init; }

    public required CpuTopology? Cpus { get; init; }

    /// <summary>The CPU the handover would take offline; null when none qualifies.</summary>
    public required int? CpuToOffline { get; init; }

    public required MemoryInfo? Memory { get; init; }

    public required PmemInventory Pmem { get; init; }

    /// <summary>Every filesystem on a pmem device, with or without DAX.</summary>
    public required IReadOnlyList<HostMount> PmemMounts { get; init; }

    public required HandoverCapabilities Capabilities { get; init; }

    /// <summary><c>none</c>, <c>integrity</c> or <c>confidentiality</c>; null without the lockdown LSM.</summary>
    public required string? Lockdown { get; init; }

    public required bool? KexecLoadDisabled { get; init; }

    /// <summary>The save-vms targets of the judged playbooks.</summary>
    public required IReadOnlyList<SaveTargetFact> SaveTargets { get; init; }

    public required string LibvirtUri { get; init; }

    /// <summary>Why the VMs could not be read; null when libvirt answered.</summary>
    public required string? LibvirtError { get; init; }

    /// <summary>The running VMs, by name.</summary>
    public required IReadOnlyList<VmFact> Vms { get; init; }

    public required IReadOnlyList<string> UnknownFacts { get; init; }

    public required IReadOnlyList<PlaybookReadiness> Playbooks { get; init; }

    public bool AllReady => Playbooks.All(p => p.Ready);

    public ulong VmMemoryBytes => Vms.Aggregate(0UL, (sum, v) => sum + v.MemoryBytes);

    /// <summary>The size of all persistent memory in /proc/iomem.</summary>
    public ulong PmemBytes => Pmem.Regions.Aggregate(0UL, (sum, r) => sum + r.Size);

    /// <summary>Free bytes on DAX filesystems on PMEM: room for saved VM state.</summary>
    public ulong PmemFreeBytes => Pmem.CapacityForVmStateBytes;
}
