using System.Text.Json;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Cli.Tests.Lab;

/// <summary>
/// An operator pauses a running `apply` from another shell while the first wave's only host is inside its update,
/// watches the rollout come to rest, and resumes it: the pause lets the host in flight finish and admits nobody
/// else until the resume, after which the rollout completes as if it had never stopped.
/// </summary>
[Trait("Category", "lab")]
public sealed class LabPauseResumeTests : IAsyncLifetime
{
    // Generous bounds for a loaded two-core machine; the waits end on apply's progress, not on these.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly LabFleet _lab = new();

    public Task InitializeAsync() => _lab.UpAsync();

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Fact]
    public async Task PauseResume_PausedWhileFirstHostExecutes_NoHostAdmittedUntilResumed()
    {
        var planFile = _lab.Combine("plan.json");
        var plan = await CliRun.RunAsync(["plan", .. _lab.Inputs, .. _lab.Orchestrator, "--out", planFile]);
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.Error);
        // The lab's spec opens with a one-host wave, so a pause during it lands before any other host starts.
        Assert.Single(RolloutPlanJson.Deserialize(File.ReadAllText(planFile)).Waves[0].Hosts);

        await using var apply = RunningApply.Start(["--plan", planFile, .. _lab.Inputs, .. _lab.Orchestrator]);

        var executing = await apply.WaitUntilAsync(() => StatusAsync(null), s => Phases(s).ContainsValue("Executing"), Patience, "host executing");
        var id = executing.GetProperty("id").GetString()!;
        var startedBeforePause = Phases(executing).Where(p => p.Value != "Pending").Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var pause = await CliRun.RunAsync("pause", id, "--store", _lab.Store, "--reason", "alert on rack-b");
        Assert.True(pause.ExitCode == ExitCodes.Ok, pause.Error);

        var paused = await apply.WaitUntilAsync(
            () => StatusAsync(id), s => s.GetProperty("state").GetString() == "Paused" && !Phases(s).Values.Any(IsInFlight), Patience, "paused rollout with no host in flight");
        Assert.True(paused.GetProperty("paused").GetBoolean());
        var phasesWhilePaused = Phases(paused);
        Assert.All(startedBeforePause, host => Assert.Equal("Succeeded", phasesWhilePaused[host]));
        var notStarted = phasesWhilePaused.Keys.Except(startedBeforePause).ToList();
        Assert.NotEmpty(notStarted);
        Assert.All(notStarted, host => Assert.Equal("Pending", phasesWhilePaused[host]));

        var resume = await CliRun.RunAsync("resume", id, "--store", _lab.Store);
        Assert.True(resume.ExitCode == ExitCodes.Ok, resume.Error);
        var exitCode = await apply.Exit.WaitAsync(Patience);

        Assert.True(exitCode == ExitCodes.Ok, apply.Error + apply.Output);
        var status = (await StatusAsync(id))!.Value;
        Assert.Equal("Completed", status.GetProperty("state").GetString());
        Assert.False(status.GetProperty("paused").GetBoolean());
        Assert.All(Phases(status), p => Assert.Equal("Succeeded", p.Value));
        AssertNoHostStartedWhilePaused(id, notStarted);
        await _lab.AssertHostsAsync(expectedKernel: _ => "6.1.0-50-lab");
    }

    /// <summary>The event log orders the operator's requests, the engine's moves and each host's admission.</summary>
    private void AssertNoHostStartedWhilePaused(string id, IReadOnlyList<string> notStarted)
    {
        IReadOnlyList<RolloutEventRecord> events;
        using (var store = SqliteRolloutStore.Open(_lab.Store))
        {
            events = store.Events(id);
        }

        var log = string.Join('\n', events.Select(e => $"{e.Kind} {e.Host} {e.Message}"));
        var pauseRequested = events.Single(e => e.Kind == "control-pause").Id;
        var resumeRequested = events.Single(e => e.Kind == "control-resume").Id;
        var whilePaused = events.Where(e => e.Id > pauseRequested && e.Id < resumeRequested).ToList();
        Assert.True(whilePaused.Any(e => e.Kind == "rollout-pause"), log);
        Assert.False(whilePaused.Any(e => e.Kind == "host-started"), log);
        Assert.All(notStarted, host => Assert.True(events.Any(e => e.Kind == "host-started" && e.Host == host && e.Id > resumeRequested), log));
    }

    private async Task<JsonElement?> StatusAsync(string? id)
    {
        var status = await CliRun.RunAsync(["status", .. id is null ? Array.Empty<string>() : [id], "--json", "--store", _lab.Store]);
        return status.ExitCode == ExitCodes.Ok ? JsonDocument.Parse(status.Out).RootElement : null;
    }

    private static Dictionary<string, string> Phases(JsonElement status) =>
        status.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!, h => h.GetProperty("phase").GetString()!, StringComparer.Ordinal);

    private static bool IsInFlight(string phase) => phase is "Starting" or "Executing";
}
