using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>Everything a plan depends on. The planner reads nothing else: no clock, no files, no network.</summary>
/// <param name="Facts">Host facts by host name; a host without facts is excluded from the plan.</param>
public sealed record PlanInput(
    HostInventory Inventory,
    RolloutSpec Spec,
    PlaybookSummary Playbook,
    BundleSummary Bundle,
    IReadOnlyDictionary<string, HostFacts> Facts);
