namespace LiveUpdate.Orchestrator.Planning;

/// <summary>The planner was handed inputs that contradict each other; the message names the input to fix.</summary>
public sealed class PlanInputException(string message) : Exception(message);
