using System.Globalization;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>Each decision committed to the store, then acted on.</summary>
public sealed partial class RolloutEngine
{
    private async Task<RolloutRecord> ApplyAsync(
        HostWorkerContext context, RolloutRecord rollout, IReadOnlyList<HostRecord> hosts, RolloutDecision decision, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        switch (decision)
        {
            case FireTrigger fire:
                return Fire(rollout, fire.Trigger, fire.Reason, fire.Progress);
            case StartHost start:
                var host = hosts.Single(h => h.Host == start.Host);
                var attempt = host.Attempts + 1;
                var started = host with
                {
                    Phase = HostPhase.Starting,
                    Attempts = attempt,
                    UpdateId = string.Create(CultureInfo.InvariantCulture, $"{rollout.Id}.{host.Host}.{attempt}"),
                    StartedAt = now,
                    Reason = "",
                };
                store.Commit(new StoreCommit(null, [started], [Event(rollout, now, host.Host, "host-started", $"update {started.UpdateId}, wave {host.Wave}")]));
                OrchestratorLog.HostStarted(_logger, rollout.Id, host.Host, started.UpdateId!);
                StartWorker(context, started, ct);
                return rollout;
            case AbortHost abort when _workers.TryGetValue(abort.Host, out var running):
                await running.Worker.RequestAbortAsync(abort.Reason, ct);
                return rollout;
            case MarkNotStarted skip:
                var skipped = hosts.Single(h => h.Host == skip.Host) with { Phase = HostPhase.NotStarted, Reason = skip.Reason, EndedAt = now };
                store.Commit(new StoreCommit(null, [skipped], [Event(rollout, now, skip.Host, "host-notstarted", skip.Reason)]));
                return rollout;
            case RunWaveGates run:
                return await RunWaveGatesAsync(context, rollout, hosts, run.Wave, ct);
            default:
                return rollout;
        }
    }

    private RolloutRecord Fire(RolloutRecord rollout, RolloutTrigger trigger, string reason, WaveProgress? progress)
    {
        var state = rollout.State;
        RolloutStateMachine.Create(() => state, s => state = s).Fire(trigger);
        var now = time.GetUtcNow();
        var next = rollout with
        {
            State = state,
            CurrentWave = progress?.CurrentWave ?? rollout.CurrentWave,
            WaveEndedAt = progress is null ? rollout.WaveEndedAt : progress.WaveEndedAt,
            Reason = reason,
            UpdatedAt = now,
        };
        store.Commit(new StoreCommit(next, [], [Event(rollout, now, null, "rollout-" + trigger.ToString().ToLowerInvariant(), $"{rollout.State} -> {state}: {reason}")]));
        OrchestratorLog.RolloutMoved(_logger, rollout.Id, trigger.ToString(), state.ToString(), reason);
        return next;
    }

    private async Task<RolloutRecord> RunWaveGatesAsync(
        HostWorkerContext context, RolloutRecord rollout, IReadOnlyList<HostRecord> hosts, int wave, CancellationToken ct)
    {
        foreach (var gate in context.Spec.Gates.AfterWave)
        {
            var result = await gates.EvaluateAsync(gate, new GateContext(rollout.Id, wave, null, hosts), ct);
            if (!result.Passed)
            {
                OrchestratorLog.GateFailed(_logger, rollout.Id, gate.Kind, result.Detail);
                return Fire(rollout, RolloutTrigger.GateFailed, $"gate {gate.Kind} after wave {wave} failed: {result.Detail}", null);
            }
        }

        var now = time.GetUtcNow();
        var passed = rollout with { GatesPassedWave = wave, UpdatedAt = now };
        store.Commit(new StoreCommit(passed, [], [Event(rollout, now, null, "wave-gates-passed", $"gates after wave {wave} passed")]));
        return passed;
    }

    private static RolloutEventRecord Event(RolloutRecord rollout, DateTimeOffset at, string? host, string kind, string message) =>
        new(0, rollout.Id, at, host, kind, message);
}
