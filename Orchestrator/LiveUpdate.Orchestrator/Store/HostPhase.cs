namespace LiveUpdate.Orchestrator.Store;

/// <summary>Where one host of a rollout stands, as the orchestrator records it.</summary>
public enum HostPhase
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Admitted: gates, Describe, StageBundle and Prepare (all repeatable) are under way.</summary>
    Starting,

    /// <summary>Execute was (or is about to be) sent. From here on the host is only ever reattached with Watch.</summary>
    Executing,

    /// <summary>The host runs the new kernel and its VMs run.</summary>
    Succeeded,

    /// <summary>The agent undid the update before its point of no return; counts against the failure budget.</summary>
    RolledBack,

    /// <summary>The agent could not finish or undo on its own; an operator must look. Counts against the budget.</summary>
    NeedsAttention,

    /// <summary>The update could not be started (agent refused, a gate failed). Counts against the budget.</summary>
    Failed,

    /// <summary>The rollout ended (aborted, failed) before this host was started; the host was not touched.</summary>
    NotStarted,
}
