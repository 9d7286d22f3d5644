using LiveUpdate.Agent.Vms;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Tests.Api;

/// <summary>
/// The real VMs, with two adjustments for libvirt's test driver: it accepts no flags on save and
/// restore (so images are written and read without them), and a test may hold suspend-vms at its
/// start to act while a step is in flight.
/// </summary>
internal sealed class TestDriverVms(IVirtualMachines inner, LibvirtConnection connection) : IVirtualMachines
{
    private readonly TaskCompletionSource _suspendEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, SuspendAsync signals <see cref="SuspendEntered"/> and waits for this (or cancellation).</summary>
    public TaskCompletionSource? HoldSuspend { get; init; }

    public Task SuspendEntered => _suspendEntered.Task;

    public Task<IReadOnlyList<VmInfo>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

    public Task<string> GetXmlAsync(string name, CancellationToken ct) => inner.GetXmlAsync(name, ct);

    public async Task<IReadOnlyList<DomainOutcome>> SuspendAsync(IReadOnlyList<string> names, int parallelism, CancellationToken ct)
    {
        _suspendEntered.TrySetResult();
        if (HoldSuspend is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        return await inner.SuspendAsync(names, parallelism, ct);
    }

    public Task<IReadOnlyList<DomainOutcome>> ResumeAsync(IReadOnlyList<string> names, int parallelism, CancellationToken ct) =>
        inner.ResumeAsync(names, parallelism, ct);

    public Task<IReadOnlyList<DomainOutcome>> SaveAsync(IReadOnlyList<DomainImage> images, int parallelism, bool bypassCache, CancellationToken ct) =>
        new DomainBatch(connection).SaveAsync(images, DomainSaveFlags.None, ct);

    public Task<IReadOnlyList<DomainOutcome>> RestoreAsync(IReadOnlyList<DomainImage> images, int parallelism, CancellationToken ct) =>
        new DomainBatch(connection).RestoreIfNotActiveAsync(images, DomainSaveFlags.None, ct);
}
