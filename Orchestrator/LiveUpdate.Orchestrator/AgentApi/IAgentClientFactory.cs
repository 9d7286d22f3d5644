namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>Gives the engine the agent client of a host named in the plan.</summary>
public interface IAgentClientFactory
{
    /// <exception cref="KeyNotFoundException">The host is not known to this factory (not in the inventory).</exception>
    IAgentClient For(string host);
}
