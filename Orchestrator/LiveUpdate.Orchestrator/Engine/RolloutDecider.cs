using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;
using S = LiveUpdate.Orchestrator.Rollout.RolloutState;
using T = LiveUpdate.Orchestrator.Rollout.RolloutTrigger;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>
/// The rollout's decisions as a pure function of its stored state, the time, the plan and the spec: no clock, no
/// I/O. Which trigger is legal in which state is the state machine's business (<see cref="RolloutStateMachine"/>);
/// this class decides which trigger is due. In order of precedence: operator abort, exceeded budget or failed gate,
/// draining, operator pause/resume, maintenance windows, settle time, and finally admitting hosts of the current
/// wave within the critical-section limits (invariant 3).
/// </summary>
public static class RolloutDecider
{
    public static IReadOnlyList<RolloutDecision> Decide(RolloutSnapshot snapshot, DateTimeOffset now, RolloutPlan plan, RolloutSpec spec)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        var rollout = snapshot.Rollout;
        var hosts = snapshot.Hosts;
        var state = rollout.State;
        if (RolloutStateMachine.IsFinal(state) || state == S.RollingBack)
        {
            return [];
        }

        if (rollout.AbortRequested && state != S.Aborting && CanFire(state, T.Abort))
        {
            // Aborted before it started, the rollout ends at once: account for every host as not started.
            return state == S.Planned
                ? [.. hosts.Where(h => h.Phase == HostPhase.Pending).Select(h => new MarkNotStarted(h.Host, "the rollout was aborted before it started")),
                   new FireTrigger(T.Abort, "abort requested by an operator")]
                : [new FireTrigger(T.Abort, "abort requested by an operator")];
        }

        if (state == S.Planned)
        {
            return [new FireTrigger(T.Start, "rollout started", new WaveProgress(FirstWave(hosts), null))];
        }

        var failed = hosts.Count(h => h.Phase.CountsAgainstBudget());
        if (failed > plan.Limits.FailureBudget && state is not (S.Failing or S.Aborting) && CanFire(state, T.BudgetExceeded))
        {
            return [new FireTrigger(T.BudgetExceeded, $"{failed} failed hosts exceed the failure budget of {plan.Limits.FailureBudget}")];
        }

        if (hosts.FirstOrDefault(h => h.GateFailed) is { } gated && state is not (S.Failing or S.Aborting) && CanFire(state, T.GateFailed))
        {
            return [new FireTrigger(T.GateFailed, $"a gate of host {gated.Host} failed: {gated.Reason}")];
        }

        if (state is S.Aborting or S.Failing)
        {
            return Drain(hosts, state == S.Aborting);
        }

        if (rollout.PauseRequested && state != S.Paused && CanFire(state, T.Pause))
        {
            return [new FireTrigger(T.Pause, "pause requested by an operator")];
        }

        if (state == S.Paused)
        {
            return rollout.PauseRequested ? [] : [new FireTrigger(T.Resume, "resume requested by an operator")];
        }

        return Progress(rollout, hosts, now, plan, spec);
    }

    private static List<RolloutDecision> Drain(IReadOnlyList<HostRecord> hosts, bool aborting)
    {
        var decisions = new List<RolloutDecision>();
        var inFlight = hosts.Where(h => h.Phase.IsInFlight()).ToList();
        if (aborting)
        {
            decisions.AddRange(inFlight.Where(h => !h.AbortRequested).Select(h => new AbortHost(h.Host, "the rollout is being aborted")));
        }

        if (inFlight.Count == 0)
        {
            var why = aborting ? "the rollout was aborted before this host's turn" : "the rollout failed before this host's turn";
            decisions.AddRange(hosts.Where(h => h.Phase == HostPhase.Pending).Select(h => new MarkNotStarted(h.Host, why)));
            decisions.Add(new FireTrigger(T.InFlightDrained, "no host is in flight any more"));
        }

        return decisions;
    }

    private static List<RolloutDecision> Progress(RolloutRecord rollout, IReadOnlyList<HostRecord> hosts, DateTimeOffset now, RolloutPlan plan, RolloutSpec spec)
    {
        var state = rollout.State;
        var open = MaintenanceWindows.IsOpen(spec.Windows, now);
        if (state == S.WaitingForWindow)
        {
            return open
                ? [new FireTrigger(T.WindowOpened, "a maintenance window opened")]
                : MaintenanceWindows.NextOpening(spec.Windows, now) is { } next ? [new WaitUntil(next, "waiting for the next maintenance window")] : [];
        }

        if (!open && CanFire(state, T.WindowClosed))
        {
            return [new FireTrigger(T.WindowClosed, "outside every maintenance window")];
        }

        if (state == S.Settling)
        {
            var until = (rollout.WaveEndedAt ?? now) + plan.Limits.Settle;
            return now >= until
                ? [new FireTrigger(T.SettleElapsed, $"settle time after wave {rollout.CurrentWave} elapsed", new WaveProgress(NextWave(hosts, rollout.CurrentWave), null))]
                : [new WaitUntil(until, $"settling after wave {rollout.CurrentWave}")];
        }

        var wave = rollout.CurrentWave;
        var waveHosts = hosts.Where(h => h.Wave == wave).ToList();
        if (waveHosts.All(h => h.Phase.IsEnded()))
        {
            if (spec.Gates.AfterWave.Count > 0 && rollout.GatesPassedWave < wave && waveHosts.Count > 0)
            {
                return [new RunWaveGates(wave)];
            }

            return NextWave(hosts, wave) is var next && next > wave
                ? [new FireTrigger(T.WaveCompleted, $"wave {wave} finished", new WaveProgress(wave, rollout.WaveEndedAt ?? now))]
                : [new FireTrigger(T.AllWavesCompleted, "every wave finished")];
        }

        return Admit(hosts, waveHosts, plan.Limits);
    }

    /// <summary>Invariant 3: admits pending hosts of the wave in plan order while both limits leave room.</summary>
    private static List<RolloutDecision> Admit(IReadOnlyList<HostRecord> hosts, List<HostRecord> waveHosts, PlanLimits limits)
    {
        var inFlight = hosts.Count(h => h.Phase.IsInFlight());
        var byDomain = hosts.Where(h => h.Phase.IsInFlight()).GroupBy(h => h.FailureDomain, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var decisions = new List<RolloutDecision>();
        foreach (var host in waveHosts.Where(h => h.Phase == HostPhase.Pending).OrderBy(h => h.Position))
        {
            if (inFlight >= limits.MaxInCriticalSection)
            {
                break;
            }

            var inDomain = byDomain.GetValueOrDefault(host.FailureDomain);
            if (inDomain >= limits.MaxPerFailureDomain)
            {
                continue;
            }

            decisions.Add(new StartHost(host.Host));
            inFlight++;
            byDomain[host.FailureDomain] = inDomain + 1;
        }

        return decisions;
    }

    private static int FirstWave(IReadOnlyList<HostRecord> hosts) => hosts.Count == 0 ? 1 : hosts.Min(h => h.Wave);

    private static int NextWave(IReadOnlyList<HostRecord> hosts, int wave) =>
        hosts.Where(h => h.Wave > wave).Select(h => h.Wave).DefaultIfEmpty(wave).Min();

    private static bool CanFire(S state, T trigger)
    {
        var current = state;
        return RolloutStateMachine.Create(() => current, s => current = s).CanFire(trigger);
    }
}
