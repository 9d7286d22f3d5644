using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>How to read failure domains out of an inventory.</summary>
/// <param name="FailureDomainGroupPrefix">
/// Groups whose name starts with this prefix are failure domains (<c>rack_</c> makes <c>rack_a</c> a domain), for
/// hosts without a <c>liveupdate_failure_domain</c> variable.
/// </param>
/// <param name="RequireFailureDomain">
/// When true a host with no failure domain is an error. When false it becomes its own domain, so per-domain limits
/// never hold it back.
/// </param>
public sealed record InventoryOptions(string? FailureDomainGroupPrefix = null, bool RequireFailureDomain = false)
{
    public static InventoryOptions Default { get; } = new();

    /// <summary>
    /// The options a rollout spec implies: a spec that names a failure-domain group prefix expects every host to be
    /// in such a group (or to set its domain), so a host left out is an error rather than a domain of its own.
    /// </summary>
    public static InventoryOptions ForSpec(RolloutSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new(spec.FailureDomainGroupPrefix, RequireFailureDomain: spec.FailureDomainGroupPrefix is not null);
    }
}
