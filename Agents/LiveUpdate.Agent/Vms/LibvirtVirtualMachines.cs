using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Vms;

/// <summary><see cref="IVirtualMachines"/> over our libvirt binding and one connection for the agent's life.</summary>
public sealed class LibvirtVirtualMachines(LibvirtConnection connection, TimeProvider time) : IVirtualMachines, IDisposable
{
    public Task<IReadOnlyList<VmInfo>> ListAsync(CancellationToken ct)
    {
        var domains = connection.ListDomains(DomainListFilter.Active);
        try
        {
            IReadOnlyList<VmInfo> vms = domains
                .Select(d => (Domain: d, Info: d.GetInfo()))
                .Select(x => new VmInfo(x.Domain.Name, x.Info.State, x.Info.MaxMemoryKiB))
                .OrderBy(v => v.Name, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(vms);
        }
        finally
        {
            foreach (var d in domains)
            {
                d.Dispose();
            }
        }
    }

    public Task<string> GetXmlAsync(string name, CancellationToken ct)
    {
        using var domain = connection.LookupByName(name);
        return Task.FromResult(domain.GetXmlDesc());
    }

    public Task<IReadOnlyList<DomainOutcome>> SuspendAsync(IReadOnlyList<string> names, int parallelism, CancellationToken ct) =>
        Batch(parallelism).SuspendIfRunningAsync(names, ct);

    public Task<IReadOnlyList<DomainOutcome>> ResumeAsync(IReadOnlyList<string> names, int parallelism, CancellationToken ct) =>
        Batch(parallelism).ResumeIfPausedAsync(names, ct);

    /// <remarks>
    /// Image paths are unique to one update (the save step puts them under the update's id), so an
    /// inactive VM whose image exists was saved by this update — libvirt finishes a save job even when
    /// the agent dies mid-call — and is not saved again.
    /// </remarks>
    public async Task<IReadOnlyList<DomainOutcome>> SaveAsync(IReadOnlyList<DomainImage> images, int parallelism, bool bypassCache, CancellationToken ct)
    {
        var flags = DomainSaveFlags.Paused | (bypassCache ? DomainSaveFlags.BypassCache : DomainSaveFlags.None);
        var done = images.Where(i => File.Exists(i.Path) && !IsActive(i.Name)).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var pending = images.Where(i => !done.Contains(i.Name)).ToList();
        var saved = await Batch(parallelism).SaveAsync(pending, flags, ct).ConfigureAwait(false);
        saved = await RetryWithoutUnsupportedFlagsAsync(pending, saved, flags, DomainSaveFlags.None, (retry, f) => Batch(parallelism).SaveAsync(retry, f, ct)).ConfigureAwait(false);
        var byName = saved.ToDictionary(o => o.Name, StringComparer.Ordinal);
        return images.Select(i => byName.TryGetValue(i.Name, out var o) ? o : DomainOutcome.Success(i.Name, changed: false, TimeSpan.Zero)).ToList();
    }

    public async Task<IReadOnlyList<DomainOutcome>> RestoreAsync(IReadOnlyList<DomainImage> images, int parallelism, CancellationToken ct)
    {
        var restored = await Batch(parallelism).RestoreIfNotActiveAsync(images, DomainSaveFlags.Paused, ct).ConfigureAwait(false);
        return await RetryWithoutUnsupportedFlagsAsync(images, restored, DomainSaveFlags.Paused, DomainSaveFlags.None, (retry, f) => Batch(parallelism).RestoreIfNotActiveAsync(retry, f, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Some drivers (libvirt's test driver, older QEMU drivers) refuse optional flags such as
    /// BypassCache or Paused with InvalidArgument. Those flags only tune speed and the starting state
    /// (resume-vms runs next either way), so the VMs refused for that reason are retried with the
    /// essential flags only; any other failure stands.
    /// </summary>
    private static async Task<IReadOnlyList<DomainOutcome>> RetryWithoutUnsupportedFlagsAsync(
        IReadOnlyList<DomainImage> images,
        IReadOnlyList<DomainOutcome> outcomes,
        DomainSaveFlags used,
        DomainSaveFlags essential,
        Func<IReadOnlyList<DomainImage>, DomainSaveFlags, Task<IReadOnlyList<DomainOutcome>>> again)
    {
        var refused = outcomes.Where(o => !o.Ok && o.Error?.Code == LibvirtErrorCode.InvalidArgument).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        if (refused.Count == 0 || used == essential)
        {
            return outcomes;
        }

        var retried = (await again(images.Where(i => refused.Contains(i.Name)).ToList(), essential).ConfigureAwait(false)).ToDictionary(o => o.Name, StringComparer.Ordinal);
        return outcomes.Select(o => retried.TryGetValue(o.Name, out var r) ? r : o).ToList();
    }

    public void Dispose() => connection.Dispose();

    private bool IsActive(string name)
    {
        if (!connection.TryLookupByName(name, out var domain))
        {
            return false;
        }

        using (domain)
        {
            return domain.IsActive;
        }
    }

    private DomainBatch Batch(int parallelism) => new(connection, new DomainBatchOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, time);
}
