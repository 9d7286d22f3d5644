namespace LiveUpdate.Agent.Steps.RestoreVms;

/// <summary>
/// Restores each saved VM, paused, from the images save-vms recorded — in the new kernel after a
/// handover, or in the old one as save-vms' compensation. A VM already active is left alone.
/// </summary>
internal sealed class RestoreVmsStep : IHostStep
{
    public string Kind => "restore-vms";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var images = StepData.DecodeImages(context.DataOfKind("save-vms"));

        // save-vms journals every image before writing any, so a save cut short (a failure, a crash)
        // lists images never written for VMs that are still active: those have nothing to restore.
        var (vms, listing) = await context.TimeExternalAsync(() => context.Host.Vms.ListAsync(ct)).ConfigureAwait(false);
        var active = vms.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var missing = images.Where(i => !File.Exists(i.Path) && !active.Contains(i.Name)).Select(i => $"{i.Name} ({i.Path})").ToList();
        if (missing.Count > 0)
        {
            throw new StepFailedException(context.Step.Id, $"saved state missing for {string.Join(", ", missing)}",
                hint: "the PMEM region may not have been preserved: check that the running kernel has the same memmap= as before");
        }

        var saved = images.Where(i => File.Exists(i.Path)).ToList();
        var (outcomes, elapsed) = await context.TimeExternalAsync(() => context.Host.Vms.RestoreAsync(saved, context.Step.GetInt("parallelism"), ct)).ConfigureAwait(false);
        StepData.ThrowIfAnyFailed(context.Step.Id, "restore", outcomes);
        return StepOutcome.With(listing + elapsed, (StepData.Images, StepData.EncodeImages(images)));
    }
}
