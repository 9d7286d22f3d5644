namespace LiveUpdate.Orchestrator.Specs;

/// <summary>The order in which eligible hosts are cut into waves.</summary>
public enum RolloutOrder
{
    /// <summary>As listed in the inventory.</summary>
    Inventory,

    /// <summary>A shuffle that is the same for the same seed, so a dry run and its apply agree.</summary>
    Random,

    /// <summary>Round-robin across failure domains, so early waves touch as many domains as little as possible.</summary>
    InterleaveDomains,
}
