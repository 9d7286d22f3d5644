namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>The agent's answer to Prepare: accepted with the command line it will boot, or refused with reasons.</summary>
public sealed record AgentPrepareResult(bool Accepted, IReadOnlyList<string> Reasons, string NextCommandLine);
