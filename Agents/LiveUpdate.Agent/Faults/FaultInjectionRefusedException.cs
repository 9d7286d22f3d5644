namespace LiveUpdate.Agent.Faults;

/// <summary>The fault-injection setting is malformed or set where it must never act; the agent does not start.</summary>
public sealed class FaultInjectionRefusedException(string message) : Exception(message);
