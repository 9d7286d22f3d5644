namespace LiveUpdate.Orchestrator.Planning;

/// <summary>A plan file cannot be used: it is not plan JSON, is of another format, or was edited after planning.
/// Plan again with a dry run and apply the new plan.</summary>
public sealed class PlanFormatException(string message, Exception? inner = null) : Exception(message, inner);
