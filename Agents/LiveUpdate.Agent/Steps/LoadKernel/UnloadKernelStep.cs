namespace LiveUpdate.Agent.Steps.LoadKernel;

/// <summary>Compensation for load-kernel: no image stays loaded on a rolled-back host.</summary>
internal sealed class UnloadKernelStep : IHostStep
{
    public string Kind => "unload-kernel";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var (_, elapsed) = await context.TimeExternalAsync(async () =>
        {
            await context.Handover.UnloadAsync(ct).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        return StepOutcome.With(elapsed);
    }
}
