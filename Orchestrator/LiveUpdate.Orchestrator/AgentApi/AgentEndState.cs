namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>The states in which an agent's update has ended, as the agent's journal names them.</summary>
public enum AgentEndState
{
    Completed,
    RolledBack,
    NeedsAttention,
}
