namespace LiveUpdate.Orchestrator.Rollout;

/// <summary>The events that move a rollout.</summary>
public enum RolloutTrigger
{
    Start,
    Pause,
    Resume,
    Abort,
    WaveCompleted,
    AllWavesCompleted,
    SettleElapsed,
    WindowClosed,
    WindowOpened,
    BudgetExceeded,
    GateFailed,
    InFlightDrained,
    Rollback,
    RollbackCompleted,
    RollbackFailed,
}
