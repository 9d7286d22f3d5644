using LiveUpdate.Orchestrator.AgentApi.Simulation;
using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Testing;

using LiveUpdate.Orchestrator.Tests.Planning;

namespace LiveUpdate.Orchestrator.Tests.Engine;

/// <summary>
/// A rollout over a simulated fleet, stored in a real SQLite file in a temp directory (or the store
/// <c>openStore</c> opens), run on one thread in virtual time. <see cref="RunSteps"/> can stop the engine after any number of continuations, like a kill.
/// </summary>
internal sealed class EngineHarness : IDisposable
{
    public const string OldBundle = "sha256:old";

    private readonly TempDirectory _dir = new("liveupdate-engine");
    private readonly IGateEvaluator _gates;
    private readonly Func<IRolloutStore> _open;

    public EngineHarness(
        int hosts = 12, int domains = 3, RolloutSpec? spec = null, IReadOnlyDictionary<string, SimulatedFailure>? failures = null, IGateEvaluator? gates = null, ulong seed = 7,
        Func<IRolloutStore>? openStore = null)
    {
        Spec = spec ?? PlanFixtures.Spec(waves: [WaveSize.Hosts(1), WaveSize.OfFleet(25), WaveSize.OfFleet(100)], maxInCritical: 3, maxPerDomain: 1);
        Plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts, domains, Spec));
        Clock = new SimulationClock(new DateTimeOffset(2025, 1, 6, 1, 0, 0, TimeSpan.Zero));
        Fleet = SimulatedFleet.FromPlan(Plan, Clock, OldBundle, failures, seed);
        StorePath = _dir.Combine("rollouts.db");
        _gates = gates ?? new FixedGates(pass: true);
        _open = openStore ?? (() => SqliteRolloutStore.Open(StorePath));
        var bundles = new Dictionary<string, string> { [Plan.Inputs.BundleDigest] = _dir.Path, [OldBundle] = _dir.Path };
        using var store = _open();
        RolloutId = Rollouts.Create(store, Plan, Spec, new RolloutArtifacts("steps: []", "sha256:playbook", bundles), Clock.GetUtcNow(), "r1");
    }

    public RolloutSpec Spec { get; }

    public RolloutPlan Plan { get; }

    public SimulationClock Clock { get; }

    public SimulatedFleet Fleet { get; }

    public string StorePath { get; }

    public string RolloutId { get; }

    public static RolloutEngineOptions Options { get; } = new() { PollInterval = TimeSpan.FromSeconds(5), ReattachDelay = TimeSpan.FromSeconds(2) };

    /// <summary>Runs to the end and returns the final state.</summary>
    public RolloutState Run(Func<RolloutEngine, Task<RolloutState>>? body = null)
    {
        var (done, state) = RunSteps(long.MaxValue, body);
        return done ? state!.Value : throw new InvalidOperationException("the run did not finish");
    }

    /// <summary>
    /// Runs at most <paramref name="steps"/> steps, or until <paramref name="stopWhen"/> holds; when not done, the engine and
    /// its store are dropped mid-flight.
    /// </summary>
    public (bool Done, RolloutState? State) RunSteps(long steps, Func<RolloutEngine, Task<RolloutState>>? body = null, Func<bool>? stopWhen = null)
    {
        var store = _open();
        try
        {
            var engine = new RolloutEngine(store, Fleet, _gates, Clock, Options);
            var loop = new SimulationLoop(Clock);
            var run = loop.Start(() => body is null ? engine.RunAsync(RolloutId, Spec, CancellationToken.None) : body(engine));
            var done = loop.RunUntil(() => run.IsCompleted || (stopWhen?.Invoke() ?? false), steps) && run.IsCompleted;
            return done ? (true, run.GetAwaiter().GetResult()) : (false, null);
        }
        finally
        {
            store.Dispose();
        }
    }

    public T Read<T>(Func<IRolloutStore, T> read)
    {
        using var store = _open();
        return read(store);
    }

    /// <summary>Runs until <paramref name="condition"/> holds, then drops the engine as if killed.</summary>
    public void RunUntil(Func<bool> condition) => Assert.False(RunSteps(long.MaxValue, stopWhen: condition).Done, "the rollout ended before the condition held");

    public int AgentsIn(string state) => Fleet.Agents.Values.Count(a => a.State == state);

    public void Request(RolloutControl control) =>
        Read(s => { Rollouts.Request(s, RolloutId, control, "test", Clock.GetUtcNow()); return 0; });

    public IReadOnlyList<HostRecord> Hosts(string? rolloutId = null) => Read(s => s.Hosts(rolloutId ?? RolloutId));

    public void Dispose() => _dir.Dispose();
}
