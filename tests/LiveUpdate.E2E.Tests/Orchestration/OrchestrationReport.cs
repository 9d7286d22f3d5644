using System.Globalization;
using System.Text;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.E2E.Tests.Orchestration;

/// <summary>
/// What running the update through the orchestrator added around the agent's own work: the verbs' wall times,
/// the orchestrator's steps before Execute, and how late it learned of each agent event (its commit time in the
/// store against the agent's time; the lab's clock is the test machine's RTC, read at each boot, so cross-clock
/// rows carry up to about a second of error).
/// </summary>
internal static class OrchestrationReport
{
    public static string Format(CliRun plan, CliRun apply, HostRecord host, IReadOnlyList<RolloutEventRecord> events, IReadOnlyList<StoredAgentEvent> agent)
    {
        var text = new StringBuilder("orchestration (s)\n");
        void Row(string name, double? seconds, string note = "") =>
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-42} {(seconds is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-"),8}  {note}");

        DateTimeOffset? Stored(string kind) => events.FirstOrDefault(e => e.Host == host.Host && e.Kind == kind)?.At;
        Row("liveupdate plan (Describe + plan)", plan.Took.TotalSeconds);
        Row("liveupdate apply (whole rollout)", apply.Took.TotalSeconds);
        Row("host started -> Execute sent", Span(Stored("host-started"), Stored("host-executing")), "Describe, StageBundle, Prepare");
        Row("Execute sent -> agent's first event", Span(Stored("host-executing"), agent.FirstOrDefault()?.At), "across clocks");
        var old = agent.Count > 0 ? agent[0].BootId : "";
        var before = agent.Where(e => e.BootId == old).ToList();
        Row("old kernel: event -> stored (mean)", before.Count == 0 ? null : before.Average(e => (e.Observed - e.At).TotalSeconds), "the Execute stream");
        var handover = agent.FirstOrDefault(e => e.StepId == "handover" && e.Type == "StepStarted");
        var firstNew = agent.FirstOrDefault(e => e.BootId != old);
        Row("handover -> first new-kernel event", Span(handover?.At, firstNew?.At), "agent's clocks");
        Row("first new-kernel event -> stored", Span(firstNew?.At, firstNew?.Observed), "dead stream noticed, reattach with Watch");
        var resumed = agent.LastOrDefault(e => e.StepId == "resume" && e.Type == "StepCompleted");
        Row("VMs resumed -> stored", Span(resumed?.At, resumed?.Observed), "across clocks");
        Row("agent's last event -> host ended", Span(agent.LastOrDefault()?.At, Stored("host-" + host.Phase.ToString().ToLowerInvariant())), "across clocks");
        Row("blackout as the orchestrator recorded it", host.Blackout?.TotalSeconds, "from the agent's events");
        return text.ToString();
    }

    private static double? Span(DateTimeOffset? from, DateTimeOffset? to) => from is { } a && to is { } b ? (b - a).TotalSeconds : null;
}
