using System.Diagnostics;
using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Benchmarks;

/// <summary>
/// Plans a rollout of 100,000 hosts in 2,000 failure domains, built in memory, and reports the time and the bytes
/// allocated by one planning run. Both figures come from the same run, shared by the two benchmark entries.
/// </summary>
internal static class PlannerBenchmark
{
    private const int Hosts = 100_000;
    private const int Domains = 2_000;

    private static readonly Lazy<(double Milliseconds, double MiB)> Measurement = new(Measure);

    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new Figure("plan-100k-hosts-time", () => new BenchResult("plan-100k-hosts-time", Measurement.Value.Milliseconds, "ms", "<=", 1000)),
        new Figure("plan-100k-hosts-alloc", () => new BenchResult("plan-100k-hosts-alloc", Measurement.Value.MiB, "MiB", "<=", 1024)),
    ];

    private static (double Milliseconds, double MiB) Measure()
    {
        var input = BuildInput();

        // Steady state, as in a long-running orchestrator: one full warm-up run lets tiered JIT finish, so the
        // figure measures planning rather than compilation.
        RolloutPlanner.Plan(input);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var plan = RolloutPlanner.Plan(input);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (plan.Waves.Sum(w => w.Hosts.Count) != Hosts)
        {
            throw new InvalidOperationException("the benchmark plan lost hosts; the figures would be meaningless");
        }

        return (clock.Elapsed.TotalMilliseconds, allocated / (1024.0 * 1024.0));
    }

    private static PlanInput BuildInput()
    {
        var hosts = new List<InventoryHost>(Hosts);
        var facts = new Dictionary<string, HostFacts>(Hosts, StringComparer.Ordinal);
        var noVars = new Dictionary<string, string>();
        for (var i = 0; i < Hosts; i++)
        {
            var name = $"hv-{i:D6}";
            var endpoint = new Uri($"https://10.{i >> 16}.{(i >> 8) & 0xFF}.{i & 0xFF}:7443");
            hosts.Add(new InventoryHost(name, endpoint, name, $"rack-{i % Domains:D4}", [], noVars));
            facts[name] = new HostFacts(name, "6.1.0-40-amd64", $"boot-{i}", 2 + (i % 12), (8L + (i % 56)) << 30, 512L << 30, 64, true, []);
        }

        var steps = new List<PlannedStepTemplate>
        {
            new("preflight", "preflight", TimeSpan.FromSeconds(30), false, false),
            new("load", "load-kernel", TimeSpan.FromMinutes(2), false, false),
            new("suspend", "suspend-vms", TimeSpan.FromSeconds(30), true, false),
            new("save", "save-vms", TimeSpan.FromMinutes(5), true, false),
            new("offline", "offline-cpu", TimeSpan.FromSeconds(10), true, false),
            new("handover", "handover", TimeSpan.FromMinutes(1), true, true),
            new("online", "online-cpus", TimeSpan.FromSeconds(30), true, false),
            new("restore", "restore-vms", TimeSpan.FromMinutes(5), true, false),
            new("resume", "resume-vms", TimeSpan.FromSeconds(30), true, false),
            new("verify", "verify", TimeSpan.FromSeconds(30), false, false),
        };
        var spec = new RolloutSpec(
            "bench", "pmem-kexec", "./bundle", [WaveSize.Hosts(1), WaveSize.OfFleet(5), WaveSize.OfFleet(25), WaveSize.OfFleet(100)],
            MaxInCriticalSection: 200, MaxPerFailureDomain: 1, FailureBudget.OfFleet(1), TimeSpan.FromMinutes(2),
            RolloutOrder.InterleaveDomains, Seed: null, FailureDomainGroupPrefix: null, [], RolloutGates.None, "bench", "sha256:bench");
        return new PlanInput(
            HostInventory.Create(hosts, "bench"),
            spec,
            new PlaybookSummary("pmem-kexec", "sha256:playbook", "kexec", steps),
            new BundleSummary("sha256:bundle", "6.1.0-50-amd64"),
            facts);
    }

    private sealed class Figure(string name, Func<BenchResult> run) : IBenchmark
    {
        public string Name { get; } = name;

        public BenchResult Run() => run();
    }
}
