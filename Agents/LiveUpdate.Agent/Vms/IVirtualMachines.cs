using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Vms;

/// <summary>A VM as the agent sees it before an update: enough to plan, suspend and account for it.</summary>
public sealed record VmInfo(string Name, DomainState State, ulong MemoryKiB);

/// <summary>
/// The VMs of this host, over one long-lived libvirt connection. Batch operations never throw for
/// one VM's failure: each VM gets an outcome, so a step can journal exactly which VMs it handled.
/// </summary>
public interface IVirtualMachines
{
    Task<IReadOnlyList<VmInfo>> ListAsync(CancellationToken ct);

    /// <summary>The VM's live domain XML; throws <see cref="LibvirtException"/> (NoDomain when it is gone).</summary>
    Task<string> GetXmlAsync(string name, CancellationToken ct);

    Task<IReadOnlyList<DomainOutcome>> SuspendAsync(IReadOnlyList<string> names, int parallelism, CancellationToken ct);

    Task<IReadOnlyList<DomainOutcome>> ResumeAsync(IReadOnlyList<string> names, int parallelism, CancellationToken ct);

    /// <summary>Saves each VM's state to its image (which stops it); a VM already saved to an existing image counts as done.</summary>
    Task<IReadOnlyList<DomainOutcome>> SaveAsync(IReadOnlyList<DomainImage> images, int parallelism, bool bypassCache, CancellationToken ct);

    /// <summary>Restores each VM paused from its image; a VM already active counts as done.</summary>
    Task<IReadOnlyList<DomainOutcome>> RestoreAsync(IReadOnlyList<DomainImage> images, int parallelism, CancellationToken ct);
}
