namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>One playbook step as a simulated host runs it.</summary>
public sealed record SimulatedStep(string Id, string Kind, TimeSpan Duration, bool InBlackout, bool IsPointOfNoReturn);
