namespace LiveUpdate.Agent.Steps.SuspendVms;

/// <summary>
/// Pauses every running VM: the blackout begins here. The list is journaled before acting, so a
/// crash halfway still tells compensation which VMs to resume.
/// </summary>
internal sealed class SuspendVmsStep : IHostStep
{
    public string Kind => "suspend-vms";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var known = StepData.DecodeList(context.History.Step(context.Step.Id)?.Data, StepData.Vms);
        var (listed, listing) = known.Count > 0
            ? (known, TimeSpan.Zero)
            : await context.TimeExternalAsync(async () => (IReadOnlyList<string>)(await context.Host.Vms.ListAsync(ct).ConfigureAwait(false)).Select(v => v.Name).ToList()).ConfigureAwait(false);
        var names = listed;
        context.Progress($"suspending {names.Count} VMs", new Dictionary<string, string> { [StepData.Vms] = StepData.EncodeList(names) });

        var (outcomes, elapsed) = await context.TimeExternalAsync(() => context.Host.Vms.SuspendAsync(names, context.Step.GetInt("parallelism"), ct)).ConfigureAwait(false);
        StepData.ThrowIfAnyFailed(context.Step.Id, "suspend", outcomes);
        return StepOutcome.With(listing + elapsed, (StepData.Vms, StepData.EncodeList(names)));
    }
}
