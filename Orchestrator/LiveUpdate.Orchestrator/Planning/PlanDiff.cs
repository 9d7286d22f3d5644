using System.Globalization;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// The differences between a stored plan and one made now from fresh inputs. Apply refuses a plan whose diff is
/// not empty: the operator reviews what changed and plans again.
/// </summary>
public sealed record PlanDiff(IReadOnlyList<PlanChange> Changes)
{
    public bool IsEmpty => Changes.Count == 0;

    public static PlanDiff Compare(RolloutPlan oldPlan, RolloutPlan newPlan)
    {
        ArgumentNullException.ThrowIfNull(oldPlan);
        ArgumentNullException.ThrowIfNull(newPlan);
        var changes = new List<PlanChange>();
        CompareInputs(oldPlan.Inputs, newPlan.Inputs, changes);

        var before = HostsOf(oldPlan);
        var after = HostsOf(newPlan);
        foreach (var (name, was) in before)
        {
            if (!after.TryGetValue(name, out var now))
            {
                changes.Add(new(PlanChangeKind.HostRemoved, name, "no longer in the inventory"));
                continue;
            }

            if (was.Included && !now.Included)
            {
                changes.Add(new(PlanChangeKind.HostNowExcluded, name, string.Join("; ", now.Reasons)));
            }
            else if (!was.Included && now.Included)
            {
                changes.Add(new(PlanChangeKind.HostNowIncluded, name, $"was excluded: {string.Join("; ", was.Reasons)}"));
            }
            else if (was.Wave != now.Wave)
            {
                changes.Add(new(PlanChangeKind.WavesChanged, name, string.Create(CultureInfo.InvariantCulture, $"wave {was.Wave} -> {now.Wave}")));
            }

            if (FactsDetail(was.Facts, now.Facts) is { } detail)
            {
                changes.Add(new(PlanChangeKind.FactsChanged, name, detail));
            }
        }

        foreach (var name in after.Keys.Where(n => !before.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            changes.Add(new(PlanChangeKind.HostAdded, name, after[name].Included ? "new in the inventory" : "new in the inventory, excluded"));
        }

        return new PlanDiff(changes);
    }

    public override string ToString() => IsEmpty ? "no changes" : string.Join(Environment.NewLine, Changes);

    private static void CompareInputs(PlanInputHashes was, PlanInputHashes now, List<PlanChange> changes)
    {
        if (was.Inventory != now.Inventory)
        {
            changes.Add(new(PlanChangeKind.InventoryChanged, "inventory", $"{was.Inventory} -> {now.Inventory}"));
        }

        if (was.Spec != now.Spec)
        {
            changes.Add(new(PlanChangeKind.SpecChanged, "spec", $"{was.Spec} -> {now.Spec}"));
        }

        if (was.PlaybookDigest != now.PlaybookDigest || was.PlaybookName != now.PlaybookName || was.Handover != now.Handover)
        {
            changes.Add(new(PlanChangeKind.PlaybookChanged, "playbook", $"{was.PlaybookName} {was.PlaybookDigest} -> {now.PlaybookName} {now.PlaybookDigest}"));
        }

        if (was.BundleDigest != now.BundleDigest || was.TargetKernelRelease != now.TargetKernelRelease)
        {
            changes.Add(new(PlanChangeKind.BundleChanged, "bundle", $"{was.TargetKernelRelease} {was.BundleDigest} -> {now.TargetKernelRelease} {now.BundleDigest}"));
        }
    }

    private static string? FactsDetail(HostFacts? was, HostFacts? now)
    {
        if (was is null || now is null)
        {
            return was == now ? null : $"facts {(was is null ? "appeared" : "disappeared")}";
        }

        var parts = new List<string>();
        Note(parts, "kernel", was.KernelRelease, now.KernelRelease);
        Note(parts, "bootId", was.BootId, now.BootId);
        Note(parts, "vmCount", was.VmCount, now.VmCount);
        Note(parts, "vmMemoryBytes", was.VmMemoryBytes, now.VmMemoryBytes);
        Note(parts, "pmemFreeBytes", was.PmemFreeBytes, now.PmemFreeBytes);
        Note(parts, "cpus", was.Cpus, now.Cpus);
        Note(parts, "ready", was.Ready, now.Ready);
        Note(parts, "notReadyReasons", string.Join("; ", was.NotReadyReasons), string.Join("; ", now.NotReadyReasons));
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static void Note<T>(List<string> parts, string field, T was, T now)
    {
        if (!EqualityComparer<T>.Default.Equals(was, now))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{field} {was} -> {now}"));
        }
    }

    private static Dictionary<string, HostEntry> HostsOf(RolloutPlan plan)
    {
        var hosts = new Dictionary<string, HostEntry>(StringComparer.Ordinal);
        foreach (var wave in plan.Waves)
        {
            foreach (var host in wave.Hosts)
            {
                hosts[host.Name] = new HostEntry(true, wave.Index, host.Facts, []);
            }
        }

        foreach (var host in plan.Excluded)
        {
            hosts[host.Name] = new HostEntry(false, 0, host.Facts, host.Reasons);
        }

        return hosts;
    }

    private sealed record HostEntry(bool Included, int Wave, HostFacts? Facts, IReadOnlyList<string> Reasons);
}
