namespace LiveUpdate.Libvirt;

/// <summary>
/// Applies one operation to many domains over one connection with bounded parallelism. Every domain gets
/// an outcome, in input order: one domain's failure (or cancellation before its turn) is recorded, never
/// thrown, so the caller can journal exactly which VMs were handled. Suspend, resume and restore are
/// idempotent, so a step re-run after a crash or kernel switch finishes the job instead of failing on
/// domains it already handled.
/// </summary>
public sealed class DomainBatch
{
    private static readonly LibvirtError Cancelled = new(
        LibvirtErrorCode.OperationAborted, LibvirtErrorDomain.None, LibvirtErrorLevel.Error, "batch cancelled before this domain was handled");

    private readonly LibvirtConnection connection;
    private readonly TimeProvider timeProvider;
    private readonly int maxDegreeOfParallelism;

    public DomainBatch(LibvirtConnection connection, DomainBatchOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new DomainBatchOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxDegreeOfParallelism, 256, nameof(options));
        this.connection = connection;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        maxDegreeOfParallelism = options.MaxDegreeOfParallelism;
    }

    /// <summary>Pauses each domain; one already paused counts as done (Changed = false).</summary>
    public Task<IReadOnlyList<DomainOutcome>> SuspendIfRunningAsync(IEnumerable<string> names, CancellationToken cancellationToken = default) =>
        RunAsync(names.ToArray(), name => name, name => DomainTransitions.SuspendIfRunning(connection, name), cancellationToken);

    /// <summary>Resumes each domain; one already running counts as done (Changed = false).</summary>
    public Task<IReadOnlyList<DomainOutcome>> ResumeIfPausedAsync(IEnumerable<string> names, CancellationToken cancellationToken = default) =>
        RunAsync(names.ToArray(), name => name, name => DomainTransitions.ResumeIfPaused(connection, name), cancellationToken);

    /// <summary>Saves each domain to its image file, which stops it.</summary>
    public Task<IReadOnlyList<DomainOutcome>> SaveAsync(
        IEnumerable<DomainImage> images, DomainSaveFlags flags = DomainSaveFlags.None, CancellationToken cancellationToken = default) =>
        RunAsync(images.ToArray(), image => image.Name, image => DomainTransitions.Save(connection, image, flags), cancellationToken);

    /// <summary>Restores each domain from its image file; one already running counts as done (Changed = false).</summary>
    public Task<IReadOnlyList<DomainOutcome>> RestoreIfNotActiveAsync(
        IEnumerable<DomainImage> images, DomainSaveFlags flags = DomainSaveFlags.None, CancellationToken cancellationToken = default) =>
        RunAsync(images.ToArray(), image => image.Name, image => DomainTransitions.RestoreIfNotActive(connection, image, flags), cancellationToken);

    private async Task<IReadOnlyList<DomainOutcome>> RunAsync<T>(
        T[] items, Func<T, string> nameOf, Func<T, bool> apply, CancellationToken cancellationToken)
    {
        var outcomes = new DomainOutcome[items.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };

        // The token is checked per item rather than handed to ForEachAsync, so cancelling still yields an
        // outcome for every domain instead of an exception that hides which ones were already handled.
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Length), parallel, (i, _) =>
        {
            outcomes[i] = RunOne(nameOf(items[i]), () => apply(items[i]), cancellationToken);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return outcomes;
    }

    private DomainOutcome RunOne(string name, Func<bool> apply, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        if (cancellationToken.IsCancellationRequested)
        {
            return DomainOutcome.Failure(name, Cancelled, TimeSpan.Zero);
        }

        try
        {
            var changed = apply();
            return DomainOutcome.Success(name, changed, timeProvider.GetElapsedTime(started));
        }
        catch (LibvirtException ex)
        {
            return DomainOutcome.Failure(name, ex.Error, timeProvider.GetElapsedTime(started));
        }
    }
}
