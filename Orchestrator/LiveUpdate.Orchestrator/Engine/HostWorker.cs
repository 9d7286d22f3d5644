using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Telemetry;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>
/// Drives one admitted host: gates, Describe, StageBundle, Prepare (all repeatable), then Execute exactly once,
/// reading the agent's events and committing the last sequence seen. A host found in flight after a restart is
/// reattached with Watch after that sequence, never executed again. Every change is committed before the next call.
/// </summary>
internal sealed partial class HostWorker
{
    private readonly Lock _lock = new();
    private readonly HostWorkerContext _context;
    private readonly IAgentClient _agent;
    private readonly CancellationTokenSource _abortBeforeExecute = new();
    private HostRecord _record;

    // The host's span: the steps, rebuilt from the agent's events, are recorded under it.
    private System.Diagnostics.ActivityContext _trace;

    public HostWorker(HostWorkerContext context, HostRecord record)
    {
        _context = context;
        _record = record;
        _agent = context.Agents.For(record.Host);
    }

    public string Host => _record.Host;

    private string UpdateId => _record.UpdateId!;

    /// <summary>Runs until the host ends or <paramref name="ct"/> (the engine stopping) fires; never throws for the host's own failures.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var activity = OrchestratorTelemetry.StartHost(_context.Trace, Host, UpdateId);
        _trace = activity?.Context ?? _context.Trace;
        try
        {
            IAsyncEnumerable<AgentEvent>? stream = null;
            if (_record.Phase == HostPhase.Starting)
            {
                stream = await StartAsync(ct);
                if (stream is null)
                {
                    return;
                }
            }

            await FollowAsync(stream, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The engine is stopping: the host stays in flight in the store and the next engine reattaches.
        }
        catch (OperationCanceledException) when (_abortBeforeExecute.IsCancellationRequested)
        {
            await ReleasePreparedAsync(ct);
            End(HostPhase.NotStarted, "aborted before execution: " + _record.Reason);
        }
        catch (AgentRefusedException ex)
        {
            End(_record.Phase == HostPhase.Executing ? HostPhase.NeedsAttention : HostPhase.Failed, ex.Message);
        }
#pragma warning disable CA1031 // The worker boundary: whatever went wrong becomes the host's recorded outcome.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            End(_record.Phase == HostPhase.Executing ? HostPhase.NeedsAttention : HostPhase.Failed, $"unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Commits the request, then asks the agent; before Execute the host is simply not started.</summary>
    public async Task RequestAbortAsync(string reason, CancellationToken ct)
    {
        var executing = false;
        lock (_lock)
        {
            executing = _record.Phase == HostPhase.Executing;
            Commit(r => r with { AbortRequested = true, Reason = reason }, "host-abort-requested", reason);
        }

        if (!executing)
        {
            _abortBeforeExecute.Cancel();
            return;
        }

        try
        {
            var answer = await _agent.AbortAsync(UpdateId, reason, ct);
            if (!answer.Accepted)
            {
                OrchestratorLog.AbortRefused(_context.Logger, _context.Rollout.Id, Host, answer.Reason);
                Commit(r => r, "host-abort-refused", answer.Reason);
            }
        }
        catch (AgentUnavailableException ex)
        {
            Commit(r => r, "host-abort-undelivered", ex.Message);
        }
    }

    private async Task<IAsyncEnumerable<AgentEvent>?> StartAsync(CancellationToken engineCt)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(engineCt, _abortBeforeExecute.Token);
        var ct = linked.Token;
        foreach (var gate in _context.Spec.Gates.BeforeHost)
        {
            var result = await _context.Gates.EvaluateAsync(gate, new GateContext(_context.Rollout.Id, _record.Wave, Host, []), ct);
            if (!result.Passed)
            {
                End(HostPhase.Failed, $"gate {gate.Kind} before the host failed: {result.Detail}", gateFailed: true);
                return null;
            }
        }

        // Preflight of the playbook itself comes with Prepare, which refuses when it fails.
        var description = await UntilReachableAsync(() => _agent.DescribeAsync(playbookYaml: null, ct), ct);
        Commit(r => r with { OldKernel = r.OldKernel ?? description.KernelRelease, OldBundle = r.OldBundle ?? description.BundleDigest },
            "host-described", $"runs {description.KernelRelease} from bundle {description.BundleDigest}");
        var directory = _context.Rollout.Artifacts.BundleDirectories[_record.TargetBundle];
        await UntilReachableAsync(() => _agent.StageBundleAsync(directory, _record.TargetBundle, ct), ct);
        var artifacts = _context.Rollout.Artifacts;
        var prepared = await UntilReachableAsync(
            () => _agent.PrepareAsync(new AgentPrepareRequest(UpdateId, _record.TargetBundle, artifacts.PlaybookYaml, artifacts.PlaybookDigest), ct), ct);
        if (!prepared.Accepted)
        {
            End(HostPhase.Failed, "the agent refused the update: " + string.Join("; ", prepared.Reasons));
            return null;
        }

        ct.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_record.AbortRequested)
            {
                throw new OperationCanceledException(_abortBeforeExecute.Token);
            }

            // Write-ahead: from this commit on, the host is only ever reattached, never executed again.
            Commit(r => r with { Phase = HostPhase.Executing }, "host-executing", $"Execute {UpdateId}");
        }

        return _agent.ExecuteAsync(UpdateId, engineCt);
    }

    private async Task<T> UntilReachableAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        var since = _context.Time.GetUtcNow();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (AgentUnavailableException ex) when (_context.Time.GetUtcNow() - since < _context.Options.UnreachableDeadline)
            {
                var retryAt = _context.Time.GetUtcNow() + _context.Options.ReattachDelay;
                OrchestratorLog.AgentUnavailable(_context.Logger, _context.Rollout.Id, Host, retryAt, ex.Message);
                await Task.Delay(_context.Options.ReattachDelay, _context.Time, ct);
            }
        }
    }

    private async Task ReleasePreparedAsync(CancellationToken ct)
    {
        try
        {
            await _agent.AbortAsync(UpdateId, "the rollout was aborted before this host executed", ct);
        }
        catch (Exception ex) when (ex is AgentUnavailableException or AgentRefusedException)
        {
            // Nothing was executed; a prepared update left on the agent holds no VM and expires with the next Prepare.
        }
    }

    private void Commit(Func<HostRecord, HostRecord> change, string kind, string message)
    {
        lock (_lock)
        {
            var now = _context.Time.GetUtcNow();
            var next = change(_record);
            IReadOnlyList<RolloutEventRecord> events = kind.Length == 0 ? [] : [new RolloutEventRecord(0, _record.RolloutId, now, Host, kind, message)];
            _context.Store.Commit(new StoreCommit(null, [next], events));
            _record = next;
        }
    }
}
