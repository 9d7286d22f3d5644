namespace LiveUpdate.Orchestrator.Planning;

/// <summary>The identity of every input, recorded in the plan so apply can tell whether the world has moved.</summary>
public sealed record PlanInputHashes(
    string Inventory,
    string Spec,
    string PlaybookName,
    string PlaybookDigest,
    string Handover,
    string BundleDigest,
    string TargetKernelRelease,
    string Facts);
