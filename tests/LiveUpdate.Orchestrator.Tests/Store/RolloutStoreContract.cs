using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Tests.Engine;

namespace LiveUpdate.Orchestrator.Tests.Store;

/// <summary>What every <see cref="IRolloutStore"/> must do, run against each implementation through its own real backend.</summary>
public abstract class RolloutStoreContract
{
    /// <summary>Opens the store under test; opening it again gives the same data (a new connection, as after a restart).</summary>
    protected abstract IRolloutStore Open();

    [Fact]
    public void Commit_ThenReopen_ReadsBackEveryField()
    {
        var rollout = DeciderFixtures.RolloutIn(RolloutState.Planned);
        var host = DeciderFixtures.Host("hv-1", "rack-1");
        using (var store = Open())
        {
            store.CreateRollout(rollout, [host], Event("created"));
            var moved = rollout with { State = RolloutState.Settling, CurrentWave = 2, WaveEndedAt = DeciderFixtures.Monday.AddMinutes(3) };
            var started = host with { Phase = HostPhase.Executing, UpdateId = "u1", LastSequence = 42, Blackout = TimeSpan.FromMilliseconds(4321), OldBundle = "sha256:old" };
            store.Commit(new StoreCommit(moved, [started], [Event("moved")]));
        }

        using var reopened = Open();
        var read = reopened.FindRollout("r1")!;
        var readHost = Assert.Single(reopened.Hosts("r1"));
        Assert.Equal((RolloutState.Settling, 2, DeciderFixtures.Monday.AddMinutes(3)), (read.State, read.CurrentWave, read.WaveEndedAt!.Value));
        Assert.Equal(rollout.Artifacts.PlaybookYaml, read.Artifacts.PlaybookYaml);
        Assert.Equal(rollout.Artifacts.BundleDirectories, read.Artifacts.BundleDirectories);
        Assert.Equal((HostPhase.Executing, "u1", 42L, TimeSpan.FromMilliseconds(4321), "sha256:old"),
            (readHost.Phase, readHost.UpdateId, readHost.LastSequence, readHost.Blackout!.Value, readHost.OldBundle));
        Assert.Equal(["created", "moved"], reopened.Events("r1").Select(e => e.Kind));
    }

    [Fact]
    public void RequestControl_ThenEngineCommitsRolloutRow_PauseRequestSurvives()
    {
        using var store = Open();
        var rollout = DeciderFixtures.RolloutIn(RolloutState.RunningWave);
        store.CreateRollout(rollout, [], Event("created"));

        store.RequestControl("r1", RolloutControl.Pause, "operator", DeciderFixtures.Monday);
        store.Commit(new StoreCommit(rollout with { CurrentWave = 3 }, [], []));

        var read = store.FindRollout("r1")!;
        Assert.True(read.PauseRequested);
        Assert.Equal(3, read.CurrentWave);
        Assert.Equal("control-pause", store.Events("r1")[^1].Kind);
    }

    [Fact]
    public void RequestControl_NoSuchRollout_RefusedNamingIt()
    {
        using var store = Open();

        var refused = Assert.Throws<KeyNotFoundException>(() => store.RequestControl("nope", RolloutControl.Abort, "x", DeciderFixtures.Monday));

        Assert.Contains("'nope'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_RolloutNotInTheStore_RefusedAndNothingWritten()
    {
        using var store = Open();

        Assert.Throws<KeyNotFoundException>(() => store.Commit(new StoreCommit(DeciderFixtures.RolloutIn(RolloutState.RunningWave), [], [Event("lost")])));

        Assert.Empty(store.Events("r1"));
    }

    [Fact]
    public void CreateRollout_SameIdTwice_Refused()
    {
        using var store = Open();
        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), [], Event("created"));

        Assert.Throws<InvalidOperationException>(() => store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), [], Event("created")));
    }

    [Fact]
    public void Events_AfterACursor_OnlyLaterOnesInOrderWithRisingIds()
    {
        using var store = Open();
        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), [], Event("created"));
        store.Commit(new StoreCommit(null, [], [Event("a"), Event("b")]));
        store.Commit(new StoreCommit(null, [], [Event("c")]));

        var all = store.Events("r1");
        var after = store.Events("r1", afterId: all[1].Id);

        Assert.Equal(["created", "a", "b", "c"], all.Select(e => e.Kind));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.Second.Id > p.First.Id));
        Assert.Equal(["b", "c"], after.Select(e => e.Kind));
    }

    [Fact]
    public void Hosts_ManyWaves_ReadBackByWaveThenPosition()
    {
        using var store = Open();
        var hosts = new[]
        {
            DeciderFixtures.Host("hv-c", "rack-1") with { Wave = 2, Position = 0 },
            DeciderFixtures.Host("hv-b", "rack-1") with { Wave = 1, Position = 10 },
            DeciderFixtures.Host("hv-a", "rack-1") with { Wave = 1, Position = 2 },
        };

        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), hosts, Event("created"));

        Assert.Equal(["hv-a", "hv-b", "hv-c"], store.Hosts("r1").Select(h => h.Host));
    }

    [Fact]
    public void ListRollouts_Several_OldestFirstEachWithItsIntents()
    {
        using var store = Open();
        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned) with { Id = "r2", CreatedAt = DeciderFixtures.Monday.AddHours(1) }, [], Event("created") with { RolloutId = "r2" });
        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), [], Event("created"));
        store.RequestControl("r2", RolloutControl.Abort, "operator", DeciderFixtures.Monday);

        var listed = store.ListRollouts();

        Assert.Equal(["r1", "r2"], listed.Select(r => r.Id));
        Assert.Equal([false, true], listed.Select(r => r.AbortRequested));
    }

    [Fact]
    public void Claim_HeldByAnotherUntilItLapses_RefusedNamingTheHolderThenGranted()
    {
        using var store = Open();
        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.RunningWave), [], Event("created"));
        var now = DeciderFixtures.Monday;

        var first = store.Claim("r1", "orchestrator-a", now, now.AddSeconds(30));
        var second = store.Claim("r1", "orchestrator-b", now.AddSeconds(10), now.AddSeconds(40));
        var renewed = store.Claim("r1", "orchestrator-a", now.AddSeconds(20), now.AddSeconds(50));
        var stillRefused = store.Claim("r1", "orchestrator-b", now.AddSeconds(45), now.AddSeconds(75));
        var takenOver = store.Claim("r1", "orchestrator-b", now.AddSeconds(50), now.AddSeconds(80));

        Assert.True(first.Granted);
        Assert.Equal(new RolloutClaim(false, "orchestrator-a", now.AddSeconds(30)), second);
        Assert.True(renewed.Granted);
        Assert.Equal(new RolloutClaim(false, "orchestrator-a", now.AddSeconds(50)), stillRefused);
        Assert.Equal(new RolloutClaim(true, "orchestrator-b", now.AddSeconds(80)), takenOver);
    }

    [Fact]
    public void Release_ByTheHolder_FreesTheRolloutAndByAnotherDoesNot()
    {
        using var store = Open();
        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.RunningWave), [], Event("created"));
        var now = DeciderFixtures.Monday;
        store.Claim("r1", "orchestrator-a", now, now.AddMinutes(1));

        store.Release("r1", "orchestrator-b");
        Assert.False(store.Claim("r1", "orchestrator-c", now, now.AddMinutes(1)).Granted);
        store.Release("r1", "orchestrator-a");

        Assert.True(store.Claim("r1", "orchestrator-c", now, now.AddMinutes(1)).Granted);
    }

    [Fact]
    public void Claim_NoSuchRollout_Refused()
    {
        using var store = Open();

        Assert.Throws<KeyNotFoundException>(() => store.Claim("nope", "orchestrator-a", DeciderFixtures.Monday, DeciderFixtures.Monday.AddMinutes(1)));
    }

    protected static RolloutEventRecord Event(string kind) => new(0, "r1", DeciderFixtures.Monday, null, kind, kind);
}
