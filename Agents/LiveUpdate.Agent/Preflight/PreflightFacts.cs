using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Pmem;

namespace LiveUpdate.Agent.Preflight;

/// <summary>Everything preflight read from the host at one moment; the checks are pure functions of it.</summary>
/// <param name="SaveTargets">Keyed by the host path of each judged playbook's save-vms target.</param>
/// <param name="Unknown">Facts that could not be read, each with why.</param>
internal sealed record PreflightFacts(
    HostFactsSnapshot Host,
    HandoverCapabilities Capabilities,
    PmemInventory Pmem,
    IReadOnlyList<HostMount> Mounts,
    IReadOnlyDictionary<string, SaveTargetFact> SaveTargets,
    string LibvirtUri,
    VmCensus Vms,
    IReadOnlyList<string> Unknown);
