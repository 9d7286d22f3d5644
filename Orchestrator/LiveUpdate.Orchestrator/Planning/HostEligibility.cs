using LiveUpdate.Orchestrator.Inventory;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>Decides which inventory hosts take part; every reason for leaving one out is kept.</summary>
internal static class HostEligibility
{
    /// <summary>One CPU is taken offline for the handover, so a host needs another to keep running its VMs.</summary>
    public const int MinimumCpus = 2;

    public static List<string> ReasonsToExclude(InventoryHost host, HostFacts? facts, string targetRelease)
    {
        var reasons = new List<string>();
        if (facts is null)
        {
            reasons.Add("the agent reported no facts; check that it runs and is reachable, then plan again");
            return reasons;
        }

        if (!string.Equals(facts.Host, host.Name, StringComparison.Ordinal))
        {
            throw new PlanInputException($"the facts given for host '{host.Name}' are about host '{facts.Host}'");
        }

        if (!facts.Ready)
        {
            if (facts.NotReadyReasons.Count == 0)
            {
                reasons.Add("the agent reports the host not ready");
            }

            reasons.AddRange(facts.NotReadyReasons);
        }

        if (string.Equals(facts.KernelRelease, targetRelease, StringComparison.Ordinal))
        {
            reasons.Add($"already running kernel {targetRelease}");
        }

        if (facts.Cpus < MinimumCpus)
        {
            reasons.Add($"has {facts.Cpus} CPU(s); the handover needs at least {MinimumCpus}");
        }

        return reasons;
    }
}
