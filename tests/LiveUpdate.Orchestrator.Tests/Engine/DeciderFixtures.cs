using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;

using LiveUpdate.Orchestrator.Tests.Planning;

namespace LiveUpdate.Orchestrator.Tests.Engine;

/// <summary>Rollout and host rows in memory, for deciding without a store.</summary>
internal static class DeciderFixtures
{
    public static readonly DateTimeOffset Monday = new(2025, 1, 6, 2, 0, 0, TimeSpan.Zero);

    public static RolloutRecord RolloutIn(RolloutState state, int wave = 1, DateTimeOffset? waveEndedAt = null, bool pause = false, bool abort = false, int gatesPassed = 0) =>
        new("r1", "test", RolloutKind.Update, null, "{}", "sha256:plan", "sha256:spec", new RolloutArtifacts("", "", new Dictionary<string, string>()),
            state, wave, waveEndedAt, gatesPassed, pause, abort, "", Monday, Monday);

    public static HostRecord Host(string name, string domain, int wave = 1, HostPhase phase = HostPhase.Pending, int position = 0, bool abortRequested = false) =>
        new("r1", name, domain, wave, position, phase, "sha256:bundle", phase == HostPhase.Pending ? null : $"r1.{name}.1", 0, phase == HostPhase.Pending ? 0 : 1,
            null, null, null, null, null, null, null, abortRequested, false, "");

    /// <summary>Only the limits matter to the decider; the rest of the plan is a stand-in.</summary>
    public static RolloutPlan Plan(int maxInCritical = 4, int maxPerDomain = 1, int budget = 1, TimeSpan? settle = null) => new(
        RolloutPlan.CurrentFormat, "test", new PlanInputHashes("i", "sha256:spec", "p", "d", "kexec", "sha256:bundle", "6.1", "f"),
        new PlanLimits(maxInCritical, maxPerDomain, budget, settle ?? TimeSpan.FromMinutes(2), "inventory", null, []),
        [], [], [], [], TimeSpan.Zero, "sha256:plan");

    public static RolloutSpec Spec(IReadOnlyList<MaintenanceWindow>? windows = null, RolloutGates? gates = null) => PlanFixtures.Spec() with
    {
        Windows = windows ?? [],
        Gates = gates ?? RolloutGates.None,
    };

    public static IReadOnlyList<RolloutDecision> Decide(RolloutRecord rollout, IReadOnlyList<HostRecord> hosts, DateTimeOffset? now = null, RolloutPlan? plan = null, RolloutSpec? spec = null) =>
        RolloutDecider.Decide(new RolloutSnapshot(rollout, hosts), now ?? Monday, plan ?? Plan(), spec ?? Spec());

    public static List<string> Started(IReadOnlyList<RolloutDecision> decisions) => [.. decisions.OfType<StartHost>().Select(s => s.Host)];
}
