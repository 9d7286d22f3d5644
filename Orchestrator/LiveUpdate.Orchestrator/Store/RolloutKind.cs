namespace LiveUpdate.Orchestrator.Store;

public enum RolloutKind
{
    /// <summary>Installs the plan's bundle.</summary>
    Update,

    /// <summary>Returns the hosts a finished rollout updated to the bundle each ran before.</summary>
    Rollback,
}
