using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Reporting;

/// <summary>Builds a <see cref="RolloutReport"/> from what the store holds: the rollout, its hosts and its event log.</summary>
public static class ReportBuilder
{
    public static RolloutReport Build(IRolloutStore store, string rolloutId)
    {
        var rollout = store.FindRollout(rolloutId) ?? throw new KeyNotFoundException($"no rollout '{rolloutId}' in the store");
        var kinds = RolloutPlanJson.Deserialize(rollout.PlanJson).StepTemplates.ToDictionary(s => s.Id, s => s.Kind, StringComparer.Ordinal);
        var events = store.Events(rolloutId);
        var hosts = store.Hosts(rolloutId).Select(h => Host(h, events.Where(e => e.Host == h.Host).ToList(), kinds)).ToList();
        var started = hosts.Where(h => h.Started is not null).Select(h => h.Started!.Value).DefaultIfEmpty().Min();
        var finished = hosts.Where(h => h.Finished is not null).Select(h => h.Finished!.Value).DefaultIfEmpty().Max();
        return new RolloutReport(
            rollout.Id,
            rollout.Name,
            rollout.State.ToString(),
            started == default ? null : started,
            finished == default ? null : finished,
            hosts);
    }

    private static ReportHost Host(HostRecord h, IReadOnlyList<RolloutEventRecord> events, IReadOnlyDictionary<string, string> kinds)
    {
        var starts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var steps = new List<ReportStep>();
        foreach (var e in events.Where(e => e.Kind.StartsWith(AgentEventLog.Prefix, StringComparison.Ordinal)))
        {
            if (!AgentEventLog.TryParse(e.Message, out var step, out var at))
            {
                continue;
            }

            switch (e.Kind[AgentEventLog.Prefix.Length..])
            {
                case AgentEvent.StepStarted:
                    starts[step] = at;
                    break;
                case AgentEvent.StepCompleted or AgentEvent.StepFailed when starts.Remove(step, out var began):
                    steps.Add(new ReportStep(step, kinds.GetValueOrDefault(step, step), began, at - began, e.Kind.EndsWith(AgentEvent.StepCompleted, StringComparison.Ordinal)));
                    break;
            }
        }

        return new ReportHost(
            h.Host,
            h.FailureDomain,
            h.Wave,
            h.OldKernel ?? "?",
            h.NewKernel,
            Outcome(h.Phase),
            h.Blackout,
            h.StartedAt,
            h.EndedAt,
            steps,
            h.Phase is HostPhase.Succeeded or HostPhase.Pending ? null : h.Reason);
    }

    private static string Outcome(HostPhase phase) => phase switch
    {
        HostPhase.Succeeded => "succeeded",
        HostPhase.RolledBack => "rolled-back",
        HostPhase.NeedsAttention => "needs-attention",
        HostPhase.Failed => "failed",
        HostPhase.NotStarted => "not-started",
        HostPhase.Pending => "pending",
        _ => "in-progress",
    };
}
