namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>
/// One record of an agent's journal as the orchestrator sees it. <see cref="Sequence"/> is the watch cursor: the
/// orchestrator commits the last one it saw and reattaches after it.
/// </summary>
/// <param name="Type">The journal record type: UpdateStarted, StateChanged, StepStarted, StepCompleted, StepFailed, Progress…</param>
/// <param name="State">For StateChanged, the agent's host update state (Executing, Completed, RolledBack, NeedsAttention…).</param>
public sealed record AgentEvent(
    long Sequence,
    string UpdateId,
    string Type,
    DateTimeOffset At,
    string State,
    string StepId,
    string Message,
    IReadOnlyDictionary<string, string> Data,
    string BootId)
{
    public const string StateChanged = "StateChanged";
    public const string StepStarted = "StepStarted";
    public const string StepCompleted = "StepCompleted";
    public const string StepFailed = "StepFailed";

    /// <summary>The agent's end state when this event ends the update, else null.</summary>
    public AgentEndState? EndState => Type == StateChanged
        ? State switch
        {
            "Completed" => AgentEndState.Completed,
            "RolledBack" => AgentEndState.RolledBack,
            "NeedsAttention" => AgentEndState.NeedsAttention,
            _ => null,
        }
        : null;
}
