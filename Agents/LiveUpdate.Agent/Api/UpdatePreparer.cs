using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Hosting;
using LiveUpdate.Agent.Preflight;
using LiveUpdate.Agent.Runner;
using LiveUpdate.Kernel.Bundles;
using LiveUpdate.Kernel.Layout;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Api;

/// <summary>A plan ready to be journaled, or every reason the update cannot be prepared.</summary>
internal sealed record Preparation(UpdatePlan? Plan, string PlaybookText, IReadOnlyList<Reason> Reasons);

/// <summary>
/// Checks a Prepare request without changing anything: the playbook parses and is the one the caller
/// hashed, the bundle is staged and verifies, the next command line can be planned, preflight passes.
/// </summary>
internal sealed class UpdatePreparer(AgentRuntime runtime, IPreflight preflight)
{
    public async Task<Preparation> CheckAsync(PrepareRequest request, string playbookPath, CancellationToken ct)
    {
        var reasons = new List<Reason>();
        var loaded = PlaybookLoader.LoadText(request.PlaybookYaml, $"{request.UpdateId}/playbook.yaml");
        reasons.AddRange(loaded.Errors.Select(e => Refusal("playbook-invalid", e.ToString(), "fix the playbook and prepare again")));
        var digest = PlaybookDigest.Compute(request.PlaybookYaml);
        if (digest != request.PlaybookDigest)
        {
            reasons.Add(Refusal("playbook-digest-mismatch", $"the playbook text hashes to {digest}, the request names {request.PlaybookDigest}",
                "send the digest of exactly the text sent (PlaybookDigest.Compute)"));
        }

        Bundle? bundle = null;
        try
        {
            bundle = Bundle.Open(runtime.BundleDirectory(request.BundleDigest), runtime.Options.BundleTrustKey);
        }
        catch (BundleVerificationException e)
        {
            reasons.Add(Refusal(e.Reason == BundleFailure.DirectoryMissing ? "bundle-not-staged" : "bundle-invalid", e.Message, "stage the bundle with StageBundle"));
        }

        if (!loaded.Succeeded || bundle is null)
        {
            return new Preparation(null, request.PlaybookYaml, reasons);
        }

        var facts = await runtime.Host.Facts.CaptureAsync(ct).ConfigureAwait(false);
        if (!facts.CommandLine.IsKnown || !facts.Iomem.IsKnown || !facts.KernelRelease.IsKnown)
        {
            reasons.Add(Refusal("facts-missing", $"cannot read the running kernel: {facts.CommandLine.MissingReason ?? facts.Iomem.MissingReason ?? facts.KernelRelease.MissingReason}", "check /proc on this host"));
            return new Preparation(null, request.PlaybookYaml, reasons);
        }

        var layout = LayoutPlanner.Plan(new LayoutRequest(facts.CommandLine.Value, facts.Iomem.Value, bundle.Template, bundle.Digest,
            Multikernel: loaded.Playbook.Handover == HandoverDriverKind.Multikernel));
        reasons.AddRange(layout.Errors.Select(e => Refusal($"layout-{e.Code}", e.Message, e.Fix)));

        var readiness = await preflight.CheckAsync(loaded.Playbook, ct).ConfigureAwait(false);
        reasons.AddRange(readiness.Reasons.Select(r => Refusal(r.Code, r.Message, r.Fix ?? "")));
        if (!layout.Succeeded || !readiness.Ready || reasons.Count > 0)
        {
            return new Preparation(null, request.PlaybookYaml, reasons);
        }

        var plan = new UpdatePlan(request.UpdateId, playbookPath, digest, bundle.Digest, bundle.Directory,
            layout.Plan!.NextCommandLine.ToString(), (long)layout.Plan.Generation, runtime.BootId, facts.KernelRelease.Value);
        return new Preparation(plan, request.PlaybookYaml, []);
    }

    public static Reason Refusal(string code, string message, string fix) => new() { Code = code, Message = message, Fix = fix };
}
