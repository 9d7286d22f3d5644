using System.Text.Json;

namespace LiveUpdate.Cli.Tests.Lab;

/// <summary>
/// The lab for real: `lab up` starts agent processes, private libvirtds and the supervisor; the rollout
/// verbs drive them over mTLS; `lab down` must leave nothing running. One lab per test class.
/// </summary>
[Trait("Category", "lab")]
public sealed class LabFleetTests : IAsyncLifetime
{
    private readonly LabFleet _lab = new();

    private string Lab => _lab.Lab;

    private string[] Orchestrator => _lab.Orchestrator;

    private string[] Inputs => _lab.Inputs;

    public Task InitializeAsync() => _lab.UpAsync("--faulty", "hv-02");

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Fact]
    public async Task PlanApplyReportRollback_OneHostFailsBeforeHandover_EveryVmAccountedFor()
    {
        var planFile = _lab.Combine("plan.json");
        var plan = await CliRun.RunAsync(["plan", .. Inputs, .. Orchestrator, "--out", planFile]);
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.Error);
        Assert.Contains("4 host(s) in", plan.Out, StringComparison.Ordinal);

        var apply = await CliRun.RunAsync(["apply", "--plan", planFile, .. Inputs, .. Orchestrator]);
        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.Error + apply.Out);

        var status = JsonDocument.Parse((await CliRun.RunAsync(["status", "--json", "--store", Path.Combine(Lab, "orchestrator.db")])).Out).RootElement;
        var rolloutId = status.GetProperty("id").GetString()!;
        var phases = status.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!, h => h.GetProperty("phase").GetString());
        Assert.Equal("RolledBack", phases["hv-02"]);
        Assert.All(phases.Where(p => p.Key != "hv-02"), p => Assert.Equal("Succeeded", p.Value));
        await _lab.AssertHostsAsync(expectedKernel: host => host == "hv-02" ? "6.1.0-47-lab" : "6.1.0-50-lab");

        var html = _lab.Combine("report.html");
        var report = await CliRun.RunAsync("report", rolloutId, "--store", Path.Combine(Lab, "orchestrator.db"), "--html", html);
        Assert.Equal(ExitCodes.Ok, report.ExitCode);
        Assert.Contains("6.1.0-47-lab -> 6.1.0-50-lab", report.Out, StringComparison.Ordinal);
        Assert.Contains("Read-only file system", report.Out, StringComparison.Ordinal);
        Assert.Contains("data-rendered", File.ReadAllText(html), StringComparison.Ordinal);

        var rollback = await CliRun.RunAsync(["rollback", rolloutId, .. Inputs, .. Orchestrator, "--bundle-dir", Path.Combine(Lab, "bundles", "previous")]);
        Assert.True(rollback.ExitCode == ExitCodes.Ok, rollback.Error + rollback.Out);
        await _lab.AssertHostsAsync(expectedKernel: _ => "6.1.0-47-lab");
    }

    [Fact]
    public async Task Apply_SpecEditedAfterPlan_IsRefusedAndStartsNothing()
    {
        var planFile = _lab.Combine("plan.json");
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync(["plan", .. Inputs, .. Orchestrator, "--out", planFile])).ExitCode);
        File.AppendAllText(Path.Combine(Lab, "rollout.yaml"), "# edited after the plan was made\n");

        var apply = await CliRun.RunAsync(["apply", "--plan", planFile, .. Inputs, .. Orchestrator]);

        Assert.Equal(ExitCodes.Failed, apply.ExitCode);
        Assert.Contains("stale", apply.Error, StringComparison.Ordinal);
        Assert.Contains("run `liveupdate plan` again", apply.Error, StringComparison.Ordinal);
        await _lab.AssertHostsAsync(expectedKernel: _ => "6.1.0-47-lab");
    }

    [Fact]
    public async Task Apply_WhileAnotherRolloutIsUnfinished_IsRefusedAndStartsNothing()
    {
        var planFile = _lab.Combine("plan.json");
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync(["plan", .. Inputs, .. Orchestrator, "--out", planFile])).ExitCode);
        var inputs = LiveUpdate.Cli.Orchestration.RolloutInputs.Load(Path.Combine(Lab, "rollout.yaml"), Path.Combine(Lab, "inventory.yaml"), null);
        var plan = LiveUpdate.Orchestrator.Planning.RolloutPlanJson.Deserialize(File.ReadAllText(planFile));
        using (var db = LiveUpdate.Orchestrator.Store.SqliteRolloutStore.Open(Path.Combine(Lab, "orchestrator.db")))
        {
            var artifacts = new LiveUpdate.Orchestrator.Store.RolloutArtifacts(inputs.PlaybookText, "d", new Dictionary<string, string> { [inputs.Bundle.Digest] = inputs.Bundle.Directory });
            LiveUpdate.Orchestrator.Engine.Rollouts.Create(db, plan, inputs.Spec, artifacts, DateTimeOffset.UtcNow, "earlier-rollout");
        }

        var apply = await CliRun.RunAsync(["apply", "--plan", planFile, .. Inputs, .. Orchestrator]);

        Assert.Equal(ExitCodes.Failed, apply.ExitCode);
        Assert.Contains("rollout earlier-rollout is still Planned", apply.Error, StringComparison.Ordinal);
        Assert.Contains("liveupdate abort earlier-rollout", apply.Error, StringComparison.Ordinal);
        await _lab.AssertHostsAsync(expectedKernel: _ => "6.1.0-47-lab");

        // The operator pauses, then aborts it from another shell; `serve` then settles it without touching a host.
        var store = Path.Combine(Lab, "orchestrator.db");
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("pause", "earlier-rollout", "--store", store, "--reason", "change freeze")).ExitCode);
        Assert.True(JsonDocument.Parse((await CliRun.RunAsync("status", "earlier-rollout", "--json", "--store", store)).Out).RootElement.GetProperty("paused").GetBoolean());
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("abort", "earlier-rollout", "--store", store)).ExitCode);

        var serve = await CliRun.RunAsync(["serve", .. Inputs, .. Orchestrator]);

        Assert.Equal(ExitCodes.Failed, serve.ExitCode);
        var status = JsonDocument.Parse((await CliRun.RunAsync("status", "earlier-rollout", "--json", "--store", store)).Out).RootElement;
        Assert.Equal("Aborted", status.GetProperty("state").GetString());
        Assert.All(status.GetProperty("hosts").EnumerateArray(), h => Assert.Equal("NotStarted", h.GetProperty("phase").GetString()));
        Assert.Equal(ExitCodes.Failed, (await CliRun.RunAsync("abort", "earlier-rollout", "--store", store)).ExitCode);
        await _lab.AssertHostsAsync(expectedKernel: _ => "6.1.0-47-lab");
    }
}
