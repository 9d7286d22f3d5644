using LiveUpdate.Agent.Vms;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Tests.Api;

/// <summary>
/// The real VMs, with one addition for tests: a test may hold suspend-vms at its start to act while a
/// step is in flight. (The test driver's refusal of save/restore flags is handled by the real code.)
/// </summary>
internal sealed class TestDriverVms(IVirtualMachines inner) : IVirtualMachines
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
        inner.SaveAsync(images, parallelism, bypassCache, ct);

    public Task<IReadOnlyList<DomainOutcome>> RestoreAsync(IReadOnlyList<DomainImage> images, int parallelism, CancellationToken ct) =>
        inner.RestoreAsync(images, parallelism, ct);
}
