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

    /// <summary>
    /// Decides what the step will act on, without acting; the runner journals it (durably, in the step's
    /// start record) before calling <see cref="RunAsync"/>, which finds it in <see cref="StepContext.Intent"/>.
    /// Run again after a crash, it returns what the journal already holds for the step.
    /// </summary>
    Task<StepIntent> IntendAsync(StepContext context, CancellationToken ct) => Task.FromResult(StepIntent.None);

    Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct);
}
