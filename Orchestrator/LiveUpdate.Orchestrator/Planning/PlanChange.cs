namespace LiveUpdate.Orchestrator.Planning;

/// <summary>What kind of difference a <see cref="PlanDiff"/> found.</summary>
public enum PlanChangeKind
{
    InventoryChanged,
    SpecChanged,
    PlaybookChanged,
    BundleChanged,
    HostAdded,
    HostRemoved,
    HostNowExcluded,
    HostNowIncluded,
    FactsChanged,
    WavesChanged,
}

/// <summary>One difference between two plans.</summary>
/// <param name="Subject">The host name, or the input that changed.</param>
/// <param name="Detail">Old and new values, readable.</param>
public sealed record PlanChange(PlanChangeKind Kind, string Subject, string Detail)
{
    public override string ToString() => $"{Kind}: {Subject}: {Detail}";
}
