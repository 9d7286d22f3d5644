using System.Globalization;
using System.Text.RegularExpressions;
using LiveUpdate.Orchestrator.AgentApi;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>
/// How an agent's journal event is kept in the rollout's event log: every step's start and end, with
/// the agent's own timestamp and boot id, so the store holds the whole story of each host (and the
/// report can time each step even when the orchestrator saw the events late, after a reattach).
/// </summary>
public static partial class AgentEventLog
{
    public const string Prefix = "agent-";

    public static string Kind(AgentEvent e) => Prefix + e.Type;

    public static string Message(AgentEvent e)
    {
        var step = e.StepId.Length > 0 ? e.StepId : "-";
        var boot = e.BootId.Length > 0 ? e.BootId : "-";
        var state = e.State.Length > 0 && !e.Message.Contains(e.State, StringComparison.Ordinal) ? "state " + e.State + " " : "";
        return string.Create(CultureInfo.InvariantCulture, $"{step} @{e.At:O} boot {boot} {state}{e.Message}").TrimEnd();
    }

    /// <summary>Reads back what <see cref="Message"/> wrote: the step id and the agent's time.</summary>
    public static bool TryParse(string message, out string stepId, out DateTimeOffset at)
    {
        var m = Pattern().Match(message);
        stepId = m.Success ? m.Groups[1].Value : "";
        at = m.Success ? DateTimeOffset.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : default;
        return m.Success;
    }

    /// <summary>The agent's own words from what <see cref="Message"/> wrote, without the step id, time and boot id.</summary>
    public static string Text(string message)
    {
        var m = TextPattern().Match(message);
        return m.Success ? m.Groups[1].Value : message;
    }

    [GeneratedRegex(@"^(\S+) @(\S+) ")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^\S+ @\S+ boot \S+ (.*)$")]
    private static partial Regex TextPattern();
}
