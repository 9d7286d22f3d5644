using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Steps.SaveVms;

/// <summary>
/// Saves each suspended VM's state into the target directory (a DAX filesystem on PMEM, or a disk
/// for the fallback playbook). The image paths are journaled before acting.
/// </summary>
internal sealed class SaveVmsStep : IHostStep
{
    public string Kind => "save-vms";

    public Task<StepIntent> IntendAsync(StepContext context, CancellationToken ct)
    {
        // One directory per update: an image found there on a re-run was written by this update.
        var target = Target(context);
        var names = StepData.DecodeList(context.DataOfKind("suspend-vms"), StepData.Vms);
        var images = names.Select(n => new DomainImage(n, Path.Combine(target, n + ".state"))).ToList();
        return Task.FromResult(StepIntent.Of($"saving {images.Count} VMs to {target}", (StepData.Images, StepData.EncodeImages(images))));
    }

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var (_, creating) = await context.TimeExternalAsync(() => Task.FromResult(Directory.CreateDirectory(Target(context)))).ConfigureAwait(false);
        var images = StepData.DecodeImages(context.Intent);
        var (outcomes, elapsed) = await context.TimeExternalAsync(() =>
            context.Host.Vms.SaveAsync(images, context.Step.GetInt("parallelism"), context.Step.GetBool("bypass-cache"), ct)).ConfigureAwait(false);
        StepData.ThrowIfAnyFailed(context.Step.Id, "save", outcomes);
        return StepOutcome.With(creating + elapsed);
    }

    private static string Target(StepContext context) =>
        Path.Combine(context.Host.Root.Resolve(context.Step.GetString("target")), context.Plan.UpdateId);
}
