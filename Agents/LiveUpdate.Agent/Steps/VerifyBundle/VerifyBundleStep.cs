using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Agent.Steps.VerifyBundle;

/// <summary>Re-verifies the staged bundle right before use: nothing is kexec'ed whose digest (and signature) does not verify.</summary>
internal sealed class VerifyBundleStep : IHostStep
{
    public string Kind => "verify-bundle";

    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        BundleVerification verified;
        try
        {
            verified = BundleVerifier.Verify(context.Plan.BundleDirectory, context.Host.BundleTrustKey);
        }
        catch (BundleVerificationException e)
        {
            throw new StepFailedException(context.Step.Id, $"bundle refused: {e.Message}", hint: "stage the bundle again from a trusted copy");
        }

        if (verified.Digest != context.Plan.BundleDigest)
        {
            throw new StepFailedException(context.Step.Id, $"staged bundle is {verified.Digest}, the update names {context.Plan.BundleDigest}");
        }

        return Task.FromResult(StepOutcome.With(TimeSpan.Zero, ("digest", verified.Digest), ("trusted", verified.Trusted.ToString())));
    }
}
