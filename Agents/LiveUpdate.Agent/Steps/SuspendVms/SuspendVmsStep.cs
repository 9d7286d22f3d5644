namespace LiveUpdate.Agent.Steps.SuspendVms;

/// <summary>
/// Pauses every running VM: the blackout begins here. The list is journaled before acting, so a
/// crash halfway still tells compensation which VMs to resume.
/// </summary>
internal sealed class SuspendVmsStep : IHostStep
{
    public string Kind => "suspend-vms";

    public async Task<StepIntent> IntendAsync(StepContext context, CancellationToken ct)
    {
        var known = StepData.DecodeList(context.History.Step(context.Step.Id)?.Data, StepData.Vms);
        var names = known.Count > 0 ? known : (await context.Host.Vms.ListAsync(ct).ConfigureAwait(false)).Select(v => v.Name).ToList();
        return StepIntent.Of($"suspending {names.Count} VMs", (StepData.Vms, StepData.EncodeList(names)));
    }

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var names = StepData.DecodeList(context.Intent, StepData.Vms);
        var (outcomes, elapsed) = await context.TimeExternalAsync(() => context.Host.Vms.SuspendAsync(names, context.Step.GetInt("parallelism"), ct)).ConfigureAwait(false);
        StepData.ThrowIfAnyFailed(context.Step.Id, "suspend", outcomes);
        return StepOutcome.With(elapsed);
    }
}
