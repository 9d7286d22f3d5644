using System.Text.Json;
using LiveUpdate.E2E.Tests.Lab;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.E2E.Tests.Orchestration;

/// <summary>
/// The orchestrator on the test machine, driven through the `liveupdate` verbs in-process: its store, inventory,
/// spec and plan live in the scenario's scratch directory; it reaches the lab agent over mTLS with the lab's
/// orchestrator certificate and trusts bundles signed with the lab's bundle key.
/// </summary>
internal sealed class LabRollout
{
    private readonly LabInputs _inputs;
    private readonly string _directory;

    public LabRollout(LabInputs inputs, string directory, int agentPort, string name, string playbook, string bundleDirectory)
    {
        _inputs = inputs;
        _directory = directory;
        Directory.CreateDirectory(directory);
        File.WriteAllText(InventoryPath, RolloutDocuments.Inventory(agentPort));
        File.WriteAllText(SpecPath, RolloutDocuments.Spec(name, playbook, bundleDirectory));
    }

    public string StorePath => Path.Combine(_directory, "orchestrator.db");

    private string InventoryPath => Path.Combine(_directory, "inventory.yaml");

    private string SpecPath => Path.Combine(_directory, "rollout.yaml");

    private string PlanPath => Path.Combine(_directory, "plan.json");

    private string[] Orchestrator => ["--store", StorePath, "--tls", _inputs.Certificates, "--bundle-trust", _inputs.BundleTrustKey];

    private string[] Documents => ["--spec", SpecPath, "--inventory", InventoryPath];

    public Task<CliRun> PlanAsync() => CliRun.RunAsync(["plan", .. Documents, .. Orchestrator, "--out", PlanPath], TimeSpan.FromMinutes(2));

    /// <summary>Runs the plan to its end: staging, prepare, the agent's steps, the reattach after the kexec.</summary>
    public Task<CliRun> ApplyAsync(TimeSpan limit) => CliRun.RunAsync(["apply", "--plan", PlanPath, .. Documents, .. Orchestrator], limit);

    public async Task<JsonElement> StatusAsync()
    {
        var run = await CliRun.RunAsync(["status", "--json", "--store", StorePath], TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Out).RootElement;
    }

    public Task<CliRun> ReportAsync(string rolloutId) => CliRun.RunAsync(["report", rolloutId, "--store", StorePath], TimeSpan.FromMinutes(1));

    /// <summary>What the store holds about the lab host and its rollout, read the way `report` reads it.</summary>
    public (HostRecord Host, IReadOnlyList<RolloutEventRecord> Events) Stored(string rolloutId)
    {
        using var store = SqliteRolloutStore.Open(StorePath);
        return (store.Hosts(rolloutId).Single(h => h.Host == LabInputs.HostName), store.Events(rolloutId));
    }
}
