using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>
/// Rollback: a child rollout (<c>{id}.rollback</c>) over the hosts the rollout updated, each going back to the
/// bundle it ran before, with the same playbook, limits, waves and gates. The parent sits in RollingBack while
/// the child runs, and ends RolledBack or Failed with it.
/// </summary>
public sealed partial class RolloutEngine
{
    /// <summary>Starts (or resumes) the rollback of a finished rollout and runs it to its end.</summary>
    /// <param name="bundleDirectories">Directories of the bundles the hosts ran before, by digest, when not already known.</param>
    /// <exception cref="InvalidOperationException">The rollout has not finished, or a previous bundle's directory is unknown.</exception>
    public async Task<RolloutState> RollbackAsync(
        string rolloutId, RolloutSpec spec, CancellationToken ct, IReadOnlyDictionary<string, string>? bundleDirectories = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parent = Load(rolloutId);
        var childId = rolloutId + ".rollback";
        if (store.FindRollout(childId) is null)
        {
            if (parent.State is not (RolloutState.Completed or RolloutState.Failed or RolloutState.Aborted))
            {
                throw new InvalidOperationException($"rollout '{rolloutId}' is {parent.State}; only a finished rollout (completed, failed, aborted) can be rolled back");
            }

            CreateRollbackChild(parent, childId, bundleDirectories);
        }

        if (parent.State != RolloutState.RollingBack)
        {
            parent = Fire(parent, RolloutTrigger.Rollback, $"rolling back through {childId}", null);
        }

        var result = await RunAsync(childId, spec, ct);
        var trigger = result == RolloutState.Completed ? RolloutTrigger.RollbackCompleted : RolloutTrigger.RollbackFailed;
        return Fire(Load(rolloutId), trigger, $"rollback {childId} ended {result}", null).State;
    }

    private void CreateRollbackChild(RolloutRecord parent, string childId, IReadOnlyDictionary<string, string>? bundleDirectories)
    {
        var now = time.GetUtcNow();
        var plan = RolloutPlanJson.Deserialize(parent.PlanJson);
        var updated = store.Hosts(parent.Id).Where(h => h.Phase == HostPhase.Succeeded && h.OldBundle is not null).ToList();
        var directories = new Dictionary<string, string>(parent.Artifacts.BundleDirectories, StringComparer.Ordinal);
        foreach (var (digest, directory) in bundleDirectories ?? new Dictionary<string, string>())
        {
            directories[digest] = directory;
        }

        var missing = updated.Select(h => h.OldBundle!).Distinct(StringComparer.Ordinal).Where(d => !directories.ContainsKey(d)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"cannot roll back '{parent.Id}': no directory for previous bundle(s) {string.Join(", ", missing)}; pass them to the rollback");
        }

        // The same procedure over the updated hosts only: waves keep their order, emptied waves disappear.
        var keep = updated.Select(h => h.Host).ToHashSet(StringComparer.Ordinal);
        var waves = plan.Waves.Select(w => w with { Hosts = [.. w.Hosts.Where(h => keep.Contains(h.Name))] }).Where(w => w.Hosts.Count > 0)
            .Select((w, i) => w with { Index = i + 1 }).ToList();
        var childPlan = plan with { RolloutName = plan.RolloutName + "-rollback", Waves = waves, ContentHash = "" };
        childPlan = childPlan with { ContentHash = PlanHasher.Compute(childPlan) };
        var oldBundles = updated.ToDictionary(h => h.Host, h => h, StringComparer.Ordinal);
        var hosts = waves.SelectMany(w => w.Hosts.Select((h, i) => new HostRecord(
            childId, h.Name, h.FailureDomain, w.Index, i, HostPhase.Pending, oldBundles[h.Name].OldBundle!, null, 0, 0,
            null, null, null, null, null, null, null, false, false, ""))).ToList();
        var child = new RolloutRecord(
            childId, childPlan.RolloutName, RolloutKind.Rollback, parent.Id, RolloutPlanJson.Serialize(childPlan, indented: false), childPlan.ContentHash,
            parent.SpecHash, parent.Artifacts with { BundleDirectories = directories }, RolloutState.Planned, 1, null, 0, false, false, "planned", now, now);
        store.Create(child, hosts, $"rollback of {hosts.Count} updated hosts of {parent.Id}", now);
    }
}
