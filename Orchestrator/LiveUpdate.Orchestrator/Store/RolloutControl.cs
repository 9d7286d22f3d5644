namespace LiveUpdate.Orchestrator.Store;

/// <summary>An operator's request to a running rollout, possibly from another process.</summary>
public enum RolloutControl
{
    Pause,
    Resume,
    Abort,
}
