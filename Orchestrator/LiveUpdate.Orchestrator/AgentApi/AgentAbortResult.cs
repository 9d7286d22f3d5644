namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>Whether the agent honoured an abort; refused past the point of no return, with the reason.</summary>
public sealed record AgentAbortResult(bool Accepted, string Reason, string State);
