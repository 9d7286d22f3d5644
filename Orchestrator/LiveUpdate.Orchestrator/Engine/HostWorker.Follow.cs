using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Telemetry;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>Following an executing update to its end, across dropped streams and orchestrator restarts.</summary>
internal sealed partial class HostWorker
{
    private readonly Dictionary<string, DateTimeOffset> _stepStarts = new(StringComparer.Ordinal);
    private string? _runningKernel;
    private string? _lastFailure;

    private async Task FollowAsync(IAsyncEnumerable<AgentEvent>? stream, CancellationToken ct)
    {
        var lastContact = _context.Time.GetUtcNow();
        while (true)
        {
            try
            {
                stream ??= await ReattachAsync(ct);
                if (stream is null)
                {
                    return;
                }

                await foreach (var e in stream)
                {
                    lastContact = _context.Time.GetUtcNow();
                    if (e.UpdateId == UpdateId && Observe(e))
                    {
                        await AfterHostAsync(ct);
                        return;
                    }
                }
            }
            catch (AgentUnavailableException ex)
            {
                OrchestratorLog.AgentUnavailable(_context.Logger, _context.Rollout.Id, Host, _context.Time.GetUtcNow() + _context.Options.ReattachDelay, ex.Message);
            }

            // The stream ended or dropped before the update did: the agent carries on alone; reattach after the cursor.
            stream = null;
            if (_context.Time.GetUtcNow() - lastContact > _context.Options.UnreachableDeadline)
            {
                End(HostPhase.NeedsAttention, $"agent unreachable since {lastContact:O}; the update may have finished or stopped on the host: check it");
                return;
            }

            await Task.Delay(_context.Options.ReattachDelay, _context.Time, ct);
        }
    }

    /// <summary>Watch after the committed cursor; Execute only if the agent shows the update still merely prepared.</summary>
    private async Task<IAsyncEnumerable<AgentEvent>?> ReattachAsync(CancellationToken ct)
    {
        var status = await _agent.StatusAsync(ct);
        if (status.UpdateId != UpdateId)
        {
            End(HostPhase.NeedsAttention, $"the agent's current update is '{status.UpdateId}' ({status.State}), not {UpdateId}; check the host");
            return null;
        }

        if (status.State == "Prepared")
        {
            // The Execute committed before the last stop never reached the agent: this is its first delivery.
            return _agent.ExecuteAsync(UpdateId, ct);
        }

        OrchestratorLog.HostReattached(_context.Logger, _context.Rollout.Id, Host, UpdateId, _record.LastSequence);
        return _agent.WatchAsync(UpdateId, _record.LastSequence, ct);
    }

    /// <summary>Commits what the event tells; true when it ends the update.</summary>
    private bool Observe(AgentEvent e)
    {
        if (e.Sequence <= _record.LastSequence)
        {
            return false;
        }

        var blackoutStart = _record.BlackoutStartedAt;
        var blackout = _record.Blackout;
        if (e.Type == AgentEvent.StepStarted)
        {
            _stepStarts[e.StepId] = e.At;
            if (e.StepId == _context.FirstBlackoutStep)
            {
                blackoutStart ??= e.At;
            }
        }
        else if (e.Type is AgentEvent.StepCompleted or AgentEvent.StepFailed)
        {
            if (e.Type == AgentEvent.StepFailed)
            {
                _lastFailure ??= e.Message; // the first failure is the cause; later ones are consequences
            }

            RecordStep(e);
            if (e.Type == AgentEvent.StepCompleted && e.StepId == _context.LastBlackoutStep && blackoutStart is { } start)
            {
                blackout = e.At - start;
            }
        }

        var end = e.EndState;
        if (end is not null && blackoutStart is { } began && blackout is null)
        {
            // Rolled back or stopped inside the blackout: the VMs were paused until the agent resumed them at its end.
            blackout = e.At - began;
        }

        if (blackout is { } measured && _record.Blackout is null)
        {
            _context.Telemetry?.RecordBlackout(Host, measured);
        }

        if (e.Data.TryGetValue("kernelRelease", out var running) && running.Length > 0)
        {
            _runningKernel = running; // the verify step reports the kernel it found itself in
        }

        Commit(r => r with { LastSequence = e.Sequence, BlackoutStartedAt = blackoutStart, Blackout = blackout }, AgentEventLog.Kind(e), AgentEventLog.Message(e));
        switch (end)
        {
            case AgentEndState.Completed:
                End(HostPhase.Succeeded, "updated", newKernel: _runningKernel ?? (_context.Rollout.Kind == RolloutKind.Update ? _context.Plan.Inputs.TargetKernelRelease : null));
                return true;
            case AgentEndState.RolledBack:
                _context.Telemetry?.RecordRollback(Host);
                End(HostPhase.RolledBack, "rolled back: " + (_lastFailure ?? e.Message));
                return true;
            case AgentEndState.NeedsAttention:
                End(HostPhase.NeedsAttention, "the agent needs an operator: " + (_lastFailure ?? e.Message));
                return true;
            default:
                return false;
        }
    }

    private void RecordStep(AgentEvent e)
    {
        if (!_stepStarts.Remove(e.StepId, out var started))
        {
            return;
        }

        var ok = e.Type == AgentEvent.StepCompleted;
        OrchestratorTelemetry.RecordStepSpan(_trace, e.StepId, started, e.At, ok);
        _context.Telemetry?.RecordStep(_context.StepKinds.GetValueOrDefault(e.StepId, e.StepId), e.At - started, ok);
    }

    private async Task AfterHostAsync(CancellationToken ct)
    {
        if (_record.Phase != HostPhase.Succeeded)
        {
            return;
        }

        foreach (var gate in _context.Spec.Gates.AfterHost)
        {
            var hosts = _context.Store.Hosts(_record.RolloutId);
            var result = await _context.Gates.EvaluateAsync(gate, new GateContext(_context.Rollout.Id, _record.Wave, Host, hosts), ct);
            if (!result.Passed)
            {
                OrchestratorLog.GateFailed(_context.Logger, _context.Rollout.Id, gate.Kind, result.Detail);
                Commit(r => r with { GateFailed = true, Reason = $"gate {gate.Kind} after the host failed: {result.Detail}" }, "host-gate-failed", result.Detail);
                return;
            }
        }
    }

    private void End(HostPhase phase, string reason, bool gateFailed = false, string? newKernel = null)
    {
        Commit(r => r with { Phase = phase, Reason = reason, GateFailed = r.GateFailed || gateFailed, NewKernel = newKernel ?? r.NewKernel, EndedAt = _context.Time.GetUtcNow() },
            "host-" + phase.ToString().ToLowerInvariant(), reason);
        OrchestratorLog.HostEnded(_context.Logger, _context.Rollout.Id, Host, phase.ToString(), reason);
    }
}
