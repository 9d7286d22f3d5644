namespace LiveUpdate.Orchestrator.Rollout;

/// <summary>Where a fleet rollout stands. Persisted in the orchestrator's store before it is acted on.</summary>
public enum RolloutState
{
    /// <summary>The plan is stored; nothing has touched a host.</summary>
    Planned,

    /// <summary>Superstate: the rollout admits hosts (or waits to).</summary>
    Running,

    /// <summary>Admitting hosts of the current wave within the critical-section limits.</summary>
    RunningWave,

    /// <summary>A wave finished and its gates passed; waiting the settle time before the next.</summary>
    Settling,

    /// <summary>Outside every maintenance window; no new host starts until one opens.</summary>
    WaitingForWindow,

    /// <summary>An operator paused: no new host starts; hosts in flight finish.</summary>
    Paused,

    /// <summary>An operator aborted: no new host starts; hosts in flight finish or roll back.</summary>
    Aborting,

    /// <summary>The failure budget was exceeded or a gate failed: hosts in flight finish.</summary>
    Failing,

    Completed,
    Failed,
    Aborted,

    /// <summary>Updated hosts are being live-updated back to their previous bundle.</summary>
    RollingBack,

    RolledBack,
}
