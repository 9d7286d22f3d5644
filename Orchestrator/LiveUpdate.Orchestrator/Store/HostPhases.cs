namespace LiveUpdate.Orchestrator.Store;

/// <summary>Classifications of <see cref="HostPhase"/> that the decider and the status view share.</summary>
public static class HostPhases
{
    public static bool IsInFlight(this HostPhase phase) => phase is HostPhase.Starting or HostPhase.Executing;

    public static bool IsEnded(this HostPhase phase) => phase is not (HostPhase.Pending or HostPhase.Starting or HostPhase.Executing);

    public static bool CountsAgainstBudget(this HostPhase phase) =>
        phase is HostPhase.RolledBack or HostPhase.NeedsAttention or HostPhase.Failed;
}
