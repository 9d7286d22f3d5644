namespace LiveUpdate.Agent.Steps;

/// <summary>
/// One kind of playbook step, as the agent executes it. Every step is idempotent: run again after a
/// crash or a kernel switch it finishes the job instead of failing on what it already did
/// (resuming a running VM and onlining an online CPU are no-ops).
/// </summary>
public interface IHostStep
{
    /// <summary>The playbook kind this step executes, e.g. "suspend-vms".</summary>
    string Kind { get; }

    Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct);
}
