using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.E2E.Tests.Orchestration;

/// <summary>
/// An agent journal event as the orchestrator's store keeps it (<see cref="AgentEventLog"/>): the agent's step,
/// time and boot id from the message, and <see cref="Observed"/>, when the orchestrator committed it. The store
/// holds the journal from the Execute on: what Prepare journals is answered by the Prepare call itself.
/// </summary>
internal sealed record StoredAgentEvent(string Type, string StepId, DateTimeOffset At, string BootId, DateTimeOffset Observed)
{
    public static IReadOnlyList<StoredAgentEvent> From(IEnumerable<RolloutEventRecord> events) => events
        .Where(e => e.Kind.StartsWith(AgentEventLog.Prefix, StringComparison.Ordinal))
        .Select(e =>
        {
            Assert.True(AgentEventLog.TryParse(e.Message, out var step, out var at), $"stored agent event without step and time: {e.Message}");
            return new StoredAgentEvent(e.Kind[AgentEventLog.Prefix.Length..], step == "-" ? "" : step, at, BootOf(e.Message), e.At);
        })
        .ToList();

    /// <summary>The part of an agent's journal the orchestrator streams and so must have stored: from the Execute on.</summary>
    public static IEnumerable<(string Type, string StepId)> Streamed(IEnumerable<LiveUpdate.Agent.Api.V1.UpdateEvent> journal) =>
        journal.SkipWhile(e => !(e.Type == "StateChanged" && e.State == "Executing")).Select(e => (e.Type, e.StepId));

    // AgentEventLog.Message writes "STEP @TIME boot BOOT_ID ...".
    private static string BootOf(string message)
    {
        var words = message.Split(' ');
        var i = Array.IndexOf(words, "boot");
        return i >= 0 && i + 1 < words.Length ? words[i + 1] : "";
    }
}
