namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>The agent's current update and its journal cursor.</summary>
/// <param name="UpdateId">Empty when the agent has never run an update.</param>
/// <param name="State">The host update state name (Idle, Prepared, Executing, HandingOver, Completed…).</param>
public sealed record AgentStatus(string UpdateId, string State, long LastSequence, string KernelRelease, string BootId);
