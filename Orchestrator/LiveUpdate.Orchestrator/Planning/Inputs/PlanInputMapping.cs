using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Kernel.Bundles;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Orchestrator.Planning.Inputs;

/// <summary>
/// Turns the real inputs (a loaded playbook, a verified bundle, an agent's Describe answer) into the
/// planner's records, so the planner itself stays a pure function of plain data.
/// </summary>
public static class PlanInputMapping
{
    private const long GiB = 1L << 30;

    /// <summary>The blackout runs from the first VM suspended to the last VM resumed.</summary>
    public static PlaybookSummary Summarize(Playbook playbook)
    {
        var steps = playbook.Steps.ToList();
        var first = steps.FindIndex(s => s.Kind == StepKinds.SuspendVms);
        var last = steps.FindLastIndex(s => s.Kind == StepKinds.ResumeVms);
        return new PlaybookSummary(
            playbook.Name,
            PlaybookDigest.Compute(playbook),
            playbook.Handover.ToPlaybookName(),
            steps.Select((s, i) => new PlannedStepTemplate(
                s.Id,
                s.Kind,
                s.Timeout,
                InBlackout: first >= 0 && last >= first && i >= first && i <= last,
                IsPointOfNoReturn: s.Id == playbook.PointOfNoReturn)).ToList());
    }

    public static BundleSummary Summarize(Bundle bundle) =>
        new(bundle.Digest, bundle.KernelRelease ?? throw new BundleVerificationException(
            BundleFailure.ManifestInvalid, BundleFormat.KernelFile, $"the kernel image in {bundle.Directory} has no version string, so the release it boots cannot be planned"));

    public static HostFacts FactsOf(string host, AgentDescription describe, string playbook)
    {
        var ready = describe.ReadyPlaybooks.Contains(playbook);
        IReadOnlyList<string> reasons = ready ? [] : describe.NotReadyReasons.GetValueOrDefault(playbook) ?? [$"the agent reports no preflight for playbook '{playbook}'"];
        // Free space moves with every write on the host; at GiB granularity it still tells capacity apart
        // without making every plan stale by the time it is applied.
        var pmemFree = describe.PmemFreeBytes / GiB * GiB;
        return new HostFacts(host, describe.KernelRelease, describe.BootId, describe.VmCount, describe.VmMemoryBytes, pmemFree, describe.CpusOnline, ready, reasons);
    }

    /// <summary>A host whose agent could not be asked: excluded from the plan, with the reason.</summary>
    public static HostFacts Unreachable(string host, string reason) => Excluded(host, $"agent unreachable: {reason}");

    /// <summary>A host whose agent refused to describe itself (e.g. it cannot load the playbook): excluded, with its answer.</summary>
    public static HostFacts Refused(string host, string refusal) => Excluded(host, refusal);

    private static HostFacts Excluded(string host, string reason) => new(host, "", "", 0, 0, 0, 0, false, [reason]);
}
