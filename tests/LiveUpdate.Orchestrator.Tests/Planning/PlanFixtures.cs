using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Tests.Planning;

/// <summary>Builds planner inputs in memory: a fleet of hosts spread over domains, a playbook like pmem-kexec.</summary>
internal static class PlanFixtures
{
    public const string TargetRelease = "6.1.0-50-amd64";

    public static PlaybookSummary Playbook { get; } = new(
        "pmem-kexec",
        "sha256:playbook",
        "kexec",
        [
            new("preflight", "preflight", TimeSpan.FromSeconds(30), false, false),
            new("load", "load-kernel", TimeSpan.FromMinutes(2), false, false),
            new("suspend", "suspend-vms", TimeSpan.FromSeconds(30), true, false),
            new("save", "save-vms", TimeSpan.FromMinutes(2), true, false),
            new("offline", "offline-cpu", TimeSpan.FromSeconds(10), true, false),
            new("handover", "handover", TimeSpan.FromMinutes(1), true, true),
            new("online", "online-cpus", TimeSpan.FromSeconds(30), true, false),
            new("restore", "restore-vms", TimeSpan.FromMinutes(2), true, false),
            new("resume", "resume-vms", TimeSpan.FromSeconds(30), true, false),
            new("verify", "verify", TimeSpan.FromSeconds(30), false, false),
        ]);

    public static BundleSummary Bundle { get; } = new("sha256:bundle", TargetRelease);

    public static HostInventory Inventory(int hosts, int domains)
    {
        var list = new List<InventoryHost>(hosts);
        for (var i = 0; i < hosts; i++)
        {
            var name = $"hv-{i:D3}";
            list.Add(new InventoryHost(name, new Uri($"https://10.0.{i / 250}.{(i % 250) + 1}:7443"), name, $"rack-{i % domains}", [], new Dictionary<string, string>()));
        }

        return HostInventory.Create(list, "test");
    }

    public static HostFacts Facts(string host, int vms = 4, long vmMemoryGiB = 16, bool ready = true, string kernel = "6.1.0-40-amd64") =>
        new(host, kernel, $"boot-{host}", vms, vmMemoryGiB << 30, 256L << 30, 32, ready, ready ? [] : ["libvirtd is not running"]);

    public static Dictionary<string, HostFacts> FactsFor(HostInventory inventory) =>
        inventory.Hosts.ToDictionary(h => h.Name, h => Facts(h.Name));

    public static RolloutSpec Spec(
        IReadOnlyList<WaveSize>? waves = null,
        RolloutOrder order = RolloutOrder.Inventory,
        ulong? seed = null,
        int maxInCritical = 4,
        int maxPerDomain = 1) => new(
        "kernel-6.1.0-50",
        "pmem-kexec",
        "./bundles/6.1.0-50",
        waves ?? [WaveSize.Hosts(1), WaveSize.OfFleet(5), WaveSize.OfFleet(25), WaveSize.OfFleet(100)],
        maxInCritical,
        maxPerDomain,
        FailureBudget.Hosts(2),
        TimeSpan.FromMinutes(2),
        order,
        seed,
        null,
        [],
        RolloutGates.None,
        "rollout.yaml",
        "sha256:spec");

    public static PlanInput Input(int hosts = 12, int domains = 3, RolloutSpec? spec = null)
    {
        var inventory = Inventory(hosts, domains);
        return new PlanInput(inventory, spec ?? Spec(), Playbook, Bundle, FactsFor(inventory));
    }
}
