using System.Diagnostics;
using Grpc.Core;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Handover;
using LiveUpdate.Agent.Hosting;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Runner;
using LiveUpdate.Agent.Update;
using LiveUpdate.Host.Roots;
using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Playbooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using T = LiveUpdate.Agent.Update.HostUpdateTrigger;

namespace LiveUpdate.Agent.Api;

/// <summary>
/// Owns the one update this host runs: accepts it (Prepare), runs it in the background (Execute) and
/// cancels it before the point of no return (Abort). The running update belongs to this singleton, not
/// to any RPC, so a dropped stream never stops it; on shutdown the agent waits for it.
/// </summary>
internal sealed class UpdateCoordinator(AgentRuntime runtime, UpdatePreparer preparer, IProcessTerminator terminator, ILogger<UpdateCoordinator> logger)
    : IHostedService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task _running = Task.CompletedTask;
    private CancellationTokenSource? _abort;
    private string? _runningUpdateId;

    public async Task<PrepareResponse> PrepareAsync(PrepareRequest request, CancellationToken ct)
    {
        ApiRequests.RequireUpdateId(request.UpdateId);
        ApiRequests.RequireDigest(request.BundleDigest);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (runtime.Latest is { } current && Busy(current.State))
            {
                return current.State == HostUpdateState.Prepared && current.UpdateId == request.UpdateId
                    ? Accepted(AgentRuntime.PlanOf(current))
                    : Refused("update-in-flight", $"update {current.UpdateId} is {current.State}; one update at a time", "wait for it to end, or abort it before its point of no return");
            }

            var directory = runtime.UpdateDirectory(request.UpdateId);
            if (runtime.Journal.Records.Any(r => r.UpdateId == request.UpdateId) || Directory.Exists(directory))
            {
                return Refused("update-id-used", $"update id {request.UpdateId} was used before on this host", "give every update a new id");
            }

            var playbookPath = Path.Combine(directory, "playbook.yaml");
            var preparation = await preparer.CheckAsync(request, playbookPath, ct).ConfigureAwait(false);
            if (preparation.Plan is not { } plan)
            {
                var refused = new PrepareResponse { Accepted = false };
                refused.Reasons.Add(preparation.Reasons);
                return refused;
            }

            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(playbookPath, preparation.PlaybookText, CancellationToken.None).ConfigureAwait(false);
            runtime.Steps.Append(plan, JournalRecordType.UpdateStarted, null, $"update {plan.UpdateId} accepted", Telemetry.WithPreparedTrace(plan.ToJournalData()));
            var machine = runtime.MachineFor(plan);
            machine.Fire(T.Prepare);
            machine.Fire(T.PrepareSucceeded);
            AgentLog.UpdatePrepared(logger, plan.UpdateId, plan.NextCommandLine);
            PruneBundles(plan.BundleDigest);
            return Accepted(plan);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts the prepared update (or attaches to it when it already runs); returns the journal cursor to stream from.</summary>
    /// <summary>Keeps the bundle just prepared and the running kernel's; any other staged bundle goes (<see cref="BundleRetention"/>).</summary>
    private void PruneBundles(string prepared)
    {
        try
        {
            var cmdline = KernelCommandLine.Parse(File.ReadAllText(runtime.Host.Root.Resolve(HostPaths.CommandLine)));
            var kept = new HashSet<string>(StringComparer.Ordinal) { prepared, cmdline.GetLast(KernelVerdicts.BundleKey) ?? prepared };
            foreach (var digest in BundleRetention.Prune(Path.GetDirectoryName(runtime.BundleDirectory(prepared))!, kept))
            {
                AgentLog.BundleRemoved(logger, digest);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AgentLog.BundlesKept(logger, e.Message);
        }
    }

    public async Task<long> BeginAsync(string updateId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = runtime.Latest;
            if (current is null || current.UpdateId != updateId)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"update {updateId} is not the current update; prepare it first"));
            }

            var cursor = runtime.Journal.LastSequence;
            if (current.State != HostUpdateState.Prepared)
            {
                // Executing or later: the caller reattaches; the stream starts at the update's first record.
                return runtime.Journal.Records.First(r => r.UpdateId == updateId).Sequence - 1;
            }

            var plan = AgentRuntime.PlanOf(current);
            var playbook = AgentRuntime.LoadPlaybook(plan);
            _abort = new CancellationTokenSource();
            _runningUpdateId = updateId;
            var abort = _abort.Token;
            var caller = Activity.Current?.Context ?? default;
            _running = Task.Run(() => RunAsync(plan, playbook, caller, abort), CancellationToken.None);
            return cursor;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<AbortResponse> AbortAsync(string updateId, string reason, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = runtime.Latest;
            if (current is null || current.UpdateId != updateId)
            {
                return Abort(updateId, false, $"update {updateId} is not the current update", current?.State);
            }

            switch (current.State)
            {
                case HostUpdateState.Prepared when _runningUpdateId != updateId:
                    runtime.MachineFor(AgentRuntime.PlanOf(current)).Fire(T.Abort);
                    return Abort(updateId, true, $"aborted before execution: {reason}", runtime.Latest?.State);
                case HostUpdateState.Prepared or HostUpdateState.Executing:
                    // Prepared here means Execute started it a moment ago: the runner sees the token before its first step.
                    if (_abort is not null)
                    {
                        await _abort.CancelAsync().ConfigureAwait(false);
                    }

                    var after = runtime.Latest?.State ?? current.State;
                    return HostUpdateStateMachine.IsPastPointOfNoReturn(after)
                        ? Abort(updateId, false, "past the point of no return: the handover has begun", after)
                        : Abort(updateId, true, $"aborting; completed steps are being undone: {reason}", after);
                case HostUpdateState.Compensating:
                    return Abort(updateId, true, "already rolling back", current.State);
                case var s when HostUpdateStateMachine.IsPastPointOfNoReturn(s):
                    return Abort(updateId, false, "past the point of no return: the handover has begun", s);
                default:
                    return Abort(updateId, false, $"the update already ended ({current.State})", current.State);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for the running update: an update is never cut short by a stop (systemd allows 5 minutes).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!terminator.Ending)
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <param name="caller">The Execute call's span: the update outlives the call, and its steps belong in the caller's trace.</param>
    private async Task RunAsync(UpdatePlan plan, Playbook playbook, ActivityContext caller, CancellationToken abort)
    {
        using var span = Telemetry.StartUpdate(plan.UpdateId, caller);
        try
        {
            var state = await runtime.Updates.ExecuteAsync(plan, playbook, abort).ConfigureAwait(false);
            span?.SetTag("liveupdate.update.state", state.ToString());
            AgentLog.UpdateEnded(logger, plan.UpdateId, state.ToString());
            Telemetry.UpdatesEnded.Add(1, new KeyValuePair<string, object?>("state", state.ToString()));
        }
        catch (ProcessEndingException)
        {
            // The old kernel is gone (in tests: the simulated one). Nothing after this line runs in it.
        }
        catch (Exception e)
        {
            // The boundary of the background update: the journal already holds its last state, and
            // the next start of the agent recovers from there.
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            AgentLog.UpdateFaulted(logger, plan.UpdateId, e);
        }
    }

    private static bool Busy(HostUpdateState state) =>
        state is HostUpdateState.Preparing or HostUpdateState.Prepared or HostUpdateState.NeedsAttention || HostUpdateStateMachine.IsInFlight(state);

    private static PrepareResponse Accepted(UpdatePlan plan) =>
        new() { Accepted = true, NextCommandLine = plan.NextCommandLine, NextGeneration = plan.NextGeneration };

    private static PrepareResponse Refused(string code, string message, string fix)
    {
        var response = new PrepareResponse { Accepted = false };
        response.Reasons.Add(UpdatePreparer.Refusal(code, message, fix));
        return response;
    }

    private AbortResponse Abort(string updateId, bool accepted, string reason, HostUpdateState? state)
    {
        AgentLog.AbortRequested(logger, updateId, accepted ? "accepted" : "refused", reason);
        return new AbortResponse { Accepted = accepted, Reason = reason, State = state?.ToString() ?? "" };
    }
}
