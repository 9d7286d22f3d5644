using LiveUpdate.Host.Kexec;
using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Agent.Steps.LoadKernel;

/// <summary>
/// Loads the bundle's kernel with the generated command line. Done before the blackout, so the VMs are
/// not paused while the kernel verifies and copies the image.
/// </summary>
internal sealed class LoadKernelStep : IHostStep
{
    public string Kind => "load-kernel";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var bundle = Bundle.Open(context.Plan.BundleDirectory, context.Host.BundleTrustKey);
        var request = new KexecLoadRequest(bundle.KernelPath, bundle.InitrdPath, context.Plan.NextCommandLine);
        try
        {
            var (_, elapsed) = await context.TimeExternalAsync(async () =>
            {
                await context.Handover.LoadAsync(request, ct).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            return StepOutcome.With(elapsed, ("commandLine", context.Plan.NextCommandLine));
        }
        catch (KexecException e)
        {
            throw new StepFailedException(context.Step.Id, e.Message, hint: "see the kexec reason; preflight lists lockdown and kexec_load_disabled");
        }
    }
}
