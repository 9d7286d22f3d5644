namespace LiveUpdate.Orchestrator.Specs;

/// <summary>A rollout as the operator wrote it: what to install, on how many hosts at a time, under which checks.</summary>
/// <param name="Playbook">A shipped playbook name or a path to a playbook file.</param>
/// <param name="Bundle">The bundle directory as written (relative paths are relative to the spec file).</param>
/// <param name="Waves">Wave sizes; the last entry repeats until every host is in a wave.</param>
/// <param name="MaxInCriticalSection">Hosts allowed between first VM suspended and last VM resumed, fleet-wide.</param>
/// <param name="MaxPerFailureDomain">Hosts of one failure domain allowed in the critical section at once.</param>
/// <param name="Settle">Pause between waves.</param>
/// <param name="Seed">Shuffle seed; required when <paramref name="Order"/> is random.</param>
/// <param name="FailureDomainGroupPrefix">Inventory groups with this prefix name failure domains (e.g. <c>rack_</c>).</param>
/// <param name="Source">The spec file name, for messages.</param>
/// <param name="ContentHash">SHA-256 of the spec text, so a plan notices any edit to the spec it came from.</param>
public sealed record RolloutSpec(
    string Name,
    string Playbook,
    string Bundle,
    IReadOnlyList<WaveSize> Waves,
    int MaxInCriticalSection,
    int MaxPerFailureDomain,
    FailureBudget FailureBudget,
    TimeSpan Settle,
    RolloutOrder Order,
    ulong? Seed,
    string? FailureDomainGroupPrefix,
    IReadOnlyList<MaintenanceWindow> Windows,
    RolloutGates Gates,
    string Source,
    string ContentHash);
