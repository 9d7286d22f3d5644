using System.Globalization;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>Entry points that only touch the store: create a rollout from a plan, request pause/resume/abort, read status.</summary>
public static class Rollouts
{
    /// <summary>Stores a new rollout in state Planned; run it with <see cref="RolloutEngine.RunAsync"/>.</summary>
    /// <returns>The rollout id (<paramref name="id"/> when given, else derived from the plan's name, time and hash).</returns>
    /// <exception cref="RolloutSpecMismatchException">The spec is not the one the plan was made from.</exception>
    /// <exception cref="ArgumentException">The artifacts lack the directory of the plan's bundle.</exception>
    public static string Create(IRolloutStore store, RolloutPlan plan, RolloutSpec spec, RolloutArtifacts artifacts, DateTimeOffset now, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(artifacts);
        id ??= string.Create(CultureInfo.InvariantCulture, $"{plan.RolloutName}-{now:yyyyMMdd'T'HHmmss'Z'}-{plan.ContentHash[^8..]}");
        if (spec.ContentHash != plan.Inputs.Spec)
        {
            throw new RolloutSpecMismatchException(id, plan.Inputs.Spec, spec.ContentHash);
        }

        if (!artifacts.BundleDirectories.ContainsKey(plan.Inputs.BundleDigest))
        {
            throw new ArgumentException($"no directory given for bundle {plan.Inputs.BundleDigest}, which the plan installs", nameof(artifacts));
        }

        var hosts = plan.Waves.SelectMany(w => w.Hosts.Select((h, i) => new HostRecord(
            id, h.Name, h.FailureDomain, w.Index, i, HostPhase.Pending, plan.Inputs.BundleDigest, null, 0, 0,
            null, null, null, null, null, null, null, false, false, ""))).ToList();
        var rollout = new RolloutRecord(
            id, plan.RolloutName, RolloutKind.Update, null, RolloutPlanJson.Serialize(plan, indented: false), plan.ContentHash, spec.ContentHash,
            artifacts, RolloutState.Planned, 1, null, 0, false, false, "planned", now, now);
        store.Create(rollout, hosts, $"rollout of {hosts.Count} hosts in {plan.Waves.Count} waves from plan {plan.ContentHash}", now);
        return id;
    }

    /// <summary>Records an operator request; a running engine (in any process) acts on it at its next decision.</summary>
    public static void Request(IRolloutStore store, string rolloutId, RolloutControl control, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.RequestControl(rolloutId, control, reason, now);
    }

    /// <exception cref="KeyNotFoundException">No such rollout.</exception>
    public static RolloutStatus Status(IRolloutStore store, string rolloutId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rollout = store.FindRollout(rolloutId) ?? throw new KeyNotFoundException($"no rollout '{rolloutId}' in the store");
        var hosts = store.Hosts(rolloutId);
        var blackouts = hosts.Where(h => h.Blackout is not null).Select(h => h.Blackout!.Value).Order().ToList();
        return new RolloutStatus(
            rollout,
            hosts,
            hosts.GroupBy(h => h.Phase).ToDictionary(g => g.Key, g => g.Count()),
            blackouts.Count == 0 ? null : blackouts[Math.Clamp((int)Math.Ceiling(0.99 * blackouts.Count) - 1, 0, blackouts.Count - 1)]);
    }

    internal static void Create(this IRolloutStore store, RolloutRecord rollout, IReadOnlyList<HostRecord> hosts, string message, DateTimeOffset now) =>
        store.CreateRollout(rollout, hosts, new RolloutEventRecord(0, rollout.Id, now, null, "rollout-created", message));
}
