namespace LiveUpdate.Agent.Update;

/// <summary>Where one host's update stands. Persisted in the agent's journal as the state name.</summary>
public enum HostUpdateState
{
    /// <summary>No update in progress.</summary>
    Idle,

    /// <summary>Staging the bundle into the state directory and checking the plan against preflight.</summary>
    Preparing,

    /// <summary>Bundle staged and verified; waiting for Execute.</summary>
    Prepared,

    /// <summary>Running the steps before the point of no return in the old kernel; fully reversible.</summary>
    Executing,

    /// <summary>Undoing the completed steps in reverse order (resume VMs, online CPUs, unload the image).</summary>
    Compensating,

    /// <summary>Every completed step was undone: all CPUs online, no image loaded, every VM running.</summary>
    RolledBack,

    /// <summary>The handover step has begun: the old kernel may be gone at any instant.</summary>
    HandingOver,

    /// <summary>Running in the new kernel: onlining CPUs, restoring and resuming VMs, verifying.</summary>
    Recovering,

    /// <summary>The host runs the new kernel and every VM runs again.</summary>
    Completed,

    /// <summary>The agent could not finish or undo on its own; every VM's saved state is kept and listed.</summary>
    NeedsAttention,
}
