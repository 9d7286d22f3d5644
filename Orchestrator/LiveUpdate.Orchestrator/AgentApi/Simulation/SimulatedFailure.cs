namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>What goes wrong on a simulated host. Several may be combined.</summary>
[Flags]
public enum SimulatedFailure
{
    None = 0,

    /// <summary>The first step inside the blackout fails; the agent compensates and ends RolledBack.</summary>
    FailBeforeHandover = 1,

    /// <summary>The agent is unreachable from the start of handover until the new kernel's agent is up: streams drop, calls fail.</summary>
    DropStreamInBlackout = 2,

    /// <summary>A step after the handover fails; the agent cannot undo a kernel switch and ends NeedsAttention.</summary>
    FailAfterHandover = 4,
}
