namespace LiveUpdate.Agent.Steps.ResumeVms;

/// <summary>Resumes the VMs the update suspended: the blackout ends here. Resuming a running VM is a no-op.</summary>
internal sealed class ResumeVmsStep : IHostStep
{
    public string Kind => "resume-vms";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var names = StepData.DecodeList(context.DataOfKind("suspend-vms"), StepData.Vms);
        var (outcomes, elapsed) = await context.TimeExternalAsync(() => context.Host.Vms.ResumeAsync(names, context.Step.GetInt("parallelism"), ct)).ConfigureAwait(false);
        StepData.ThrowIfAnyFailed(context.Step.Id, "resume", outcomes);
        return StepOutcome.With(elapsed, (StepData.Vms, StepData.EncodeList(names)));
    }
}
