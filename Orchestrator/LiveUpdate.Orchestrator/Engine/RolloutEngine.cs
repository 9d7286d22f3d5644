using System.Diagnostics;
using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>
/// The imperative shell around <see cref="RolloutDecider"/>: reads the rollout from the store, asks the decider,
/// commits each decision, then acts (host workers talk to agents). Killing the process at any point and calling
/// <see cref="RunAsync"/> again continues the rollout: in-flight hosts are reattached, nothing is repeated.
/// </summary>
/// <remarks>
/// The engine's awaits deliberately keep the caller's synchronization context (no <c>ConfigureAwait(false)</c>): a
/// simulation runs the whole engine on one thread in virtual time. Without a context it runs on the thread pool;
/// shared state is then guarded by the store's and the workers' locks.
/// </remarks>
public sealed partial class RolloutEngine(
    IRolloutStore store,
    IAgentClientFactory agents,
    IGateEvaluator gates,
    TimeProvider time,
    RolloutEngineOptions? options = null,
    OrchestratorTelemetry? telemetry = null,
    ILogger<RolloutEngine>? logger = null)
{
    private readonly RolloutEngineOptions _options = options ?? new RolloutEngineOptions();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly Dictionary<string, (HostWorker Worker, Task Task)> _workers = new(StringComparer.Ordinal);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // When this engine's claim on the rollout it runs last reached the store.
    private DateTimeOffset _claimedAt = DateTimeOffset.MinValue;

    /// <summary>Runs (or resumes) a stored rollout until it reaches a final state, and returns that state.</summary>
    /// <param name="spec">The spec the plan was made from (windows and gates are read from it); checked by hash.</param>
    /// <exception cref="KeyNotFoundException">No such rollout in the store.</exception>
    /// <exception cref="RolloutSpecMismatchException">The spec is not the one the plan was made from.</exception>
    public async Task<RolloutState> RunAsync(string rolloutId, RolloutSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rollout = Load(rolloutId);
        if (rollout.SpecHash != spec.ContentHash)
        {
            throw new RolloutSpecMismatchException(rolloutId, rollout.SpecHash, spec.ContentHash);
        }

        // One orchestrator runs a rollout at a time, however many share the store.
        Claim(rolloutId);
        try
        {
            return rollout.State == RolloutState.RollingBack
                ? await RollbackAsync(rolloutId, spec, ct)
                : await RunClaimedAsync(rollout, spec, ct);
        }
        finally
        {
            store.Release(rolloutId, _options.Owner);
        }
    }

    /// <summary>Takes or renews this orchestrator's claim on the rollout.</summary>
    /// <exception cref="RolloutClaimedException">Another orchestrator's claim is current.</exception>
    private void Claim(string rolloutId)
    {
        var now = time.GetUtcNow();
        var claim = store.Claim(rolloutId, _options.Owner, now, now + _options.ClaimDuration);
        if (!claim.Granted)
        {
            throw new RolloutClaimedException(rolloutId, claim.Holder, claim.Until);
        }

        _claimedAt = now;
    }

    /// <summary>Renews the claim once a third of it has run (a write to the store, not one per decision); a claim kept that way never lapses.</summary>
    private void RenewClaim(string rolloutId)
    {
        if (time.GetUtcNow() - _claimedAt >= _options.ClaimDuration / 3)
        {
            Claim(rolloutId);
        }
    }

    private async Task<RolloutState> RunClaimedAsync(RolloutRecord rollout, RolloutSpec spec, CancellationToken ct)
    {
        var rolloutId = rollout.Id;
        var plan = RolloutPlanJson.Deserialize(rollout.PlanJson);
        using var activity = OrchestratorTelemetry.StartRollout(rolloutId, rollout.Name);
        var context = new HostWorkerContext(rollout, plan, spec, store, agents, gates, time, _options, telemetry, _logger, activity?.Context ?? default);
        telemetry?.ObserveHostStates(() => store.Hosts(rolloutId).GroupBy(h => h.Phase.ToString()).Select(g => KeyValuePair.Create(g.Key, g.Count())));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            return await LoopAsync(context, stop.Token);
        }
        finally
        {
            // Workers stop with the engine; whatever they were doing is in the store, ready to be reattached.
            stop.Cancel();
            foreach (var (_, task) in _workers.Values)
            {
                await task;
            }

            _workers.Clear();
            EndAllWaves();
        }
    }

    private async Task<RolloutState> LoopAsync(HostWorkerContext context, CancellationToken ct)
    {
        var id = context.Rollout.Id;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var wake = _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var ended in _workers.Where(w => w.Value.Task.IsCompleted).Select(w => w.Key).ToList())
            {
                _workers.Remove(ended);
            }

            RenewClaim(id); // lost (it lapsed, and another orchestrator took it), this engine stops
            var rollout = Load(id);
            var hosts = store.Hosts(id);
            foreach (var host in hosts.Where(h => h.Phase.IsInFlight() && !_workers.ContainsKey(h.Host)))
            {
                StartWorker(context with { Rollout = rollout }, host, ct);
            }

            EndFinishedWaves(hosts);

            if (RolloutStateMachine.IsFinal(rollout.State) && _workers.Count == 0)
            {
                return rollout.State;
            }

            var now = time.GetUtcNow();
            var decisions = RolloutDecider.Decide(new RolloutSnapshot(rollout, hosts), now, context.Plan, context.Spec);
            DateTimeOffset? until = null;
            var acted = false;
            foreach (var decision in decisions)
            {
                if (decision is WaitUntil wait)
                {
                    until = until is null || wait.At < until ? wait.At : until;
                }
                else
                {
                    rollout = await ApplyAsync(context with { Rollout = rollout }, rollout, hosts, decision, ct);
                    acted = true;
                }
            }

            if (!acted)
            {
                await WaitAsync(wake, until, ct);
            }
        }
    }

    /// <summary>Until a worker or a timer wakes the loop, at most one poll interval (operator requests arrive through the store).</summary>
    /// <remarks>
    /// The wake is awaited directly, never through Task.WhenAny or WaitAsync: those complete on the thread pool,
    /// which would let a one-thread simulation run ahead of the engine's own continuations.
    /// </remarks>
    private async Task WaitAsync(TaskCompletionSource wake, DateTimeOffset? until, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var delay = until is { } at && at - now < _options.PollInterval ? at - now : _options.PollInterval;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using (time.CreateTimer(static w => ((TaskCompletionSource)w!).TrySetResult(), wake, delay, Timeout.InfiniteTimeSpan))
        using (ct.Register(static w => ((TaskCompletionSource)w!).TrySetResult(), wake))
        {
            await wake.Task;
        }

        ct.ThrowIfCancellationRequested();
    }

    private void StartWorker(HostWorkerContext context, HostRecord host, CancellationToken ct)
    {
        var worker = new HostWorker(context with { Trace = WaveTrace(context.Trace, host.Wave) }, host);
        var task = RunWorkerAsync(worker, ct);
        _workers[host.Host] = (worker, task);
    }

    private async Task RunWorkerAsync(HostWorker worker, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await worker.RunAsync(ct);
        }
        finally
        {
            _wake.TrySetResult();
        }
    }

    private RolloutRecord Load(string id) =>
        store.FindRollout(id) ?? throw new KeyNotFoundException($"no rollout '{id}' in the store; list the stored rollouts to find its id");
}
