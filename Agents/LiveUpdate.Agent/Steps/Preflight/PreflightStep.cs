using LiveUpdate.Agent.Preflight;

namespace LiveUpdate.Agent.Steps.Preflight;

/// <summary>Re-runs preflight for this update's playbook at the moment it starts: facts may have changed since Prepare.</summary>
internal sealed class PreflightStep(IPreflight preflight) : IHostStep
{
    public string Kind => "preflight";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var readiness = await preflight.CheckAsync(context.Playbook, ct).ConfigureAwait(false);
        if (!readiness.Ready)
        {
            var reasons = string.Join("; ", readiness.Reasons.Select(r => r.Message));
            var fixes = string.Join("; ", readiness.Reasons.Where(r => r.Fix is not null).Select(r => r.Fix));
            throw new StepFailedException(context.Step.Id, $"host not ready for {readiness.Playbook}: {reasons}", hint: fixes.Length > 0 ? fixes : null);
        }

        return StepOutcome.Empty;
    }
}
