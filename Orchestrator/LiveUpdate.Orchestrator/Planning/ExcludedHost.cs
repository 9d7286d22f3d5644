namespace LiveUpdate.Orchestrator.Planning;

/// <summary>An inventory host left out of the plan, with every reason, so the operator can fix and plan again.</summary>
/// <param name="Facts">The facts that led to the exclusion; null when the host reported none.</param>
public sealed record ExcludedHost(string Name, string FailureDomain, IReadOnlyList<string> Reasons, HostFacts? Facts);
