using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Tests.Engine;
using LiveUpdate.Testing;
using Microsoft.Data.Sqlite;

namespace LiveUpdate.Orchestrator.Tests.Store;

public sealed class SqliteRolloutStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new("liveupdate-store");

    private string Path => _dir.Combine("rollouts.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_NewFile_UsesWalAndFullSync()
    {
        using var store = SqliteRolloutStore.Open(Path);

        using var raw = OpenRaw();
        Assert.Equal("wal", Scalar(raw, "PRAGMA journal_mode"));
        Assert.Equal(1L, Scalar(raw, "PRAGMA user_version"));
    }

    [Fact]
    public void Open_FileFromNewerVersion_RefusesWithBothVersions()
    {
        using (SqliteRolloutStore.Open(Path))
        {
        }

        using (var raw = OpenRaw())
        {
            Scalar(raw, "PRAGMA user_version = 7");
        }

        var ex = Assert.Throws<StoreVersionException>(() => SqliteRolloutStore.Open(Path));
        Assert.Equal(7, ex.FoundVersion);
        Assert.Contains("knows up to 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_ThenReopen_ReadsBackEveryField()
    {
        var rollout = DeciderFixtures.RolloutIn(RolloutState.Planned);
        var host = DeciderFixtures.Host("hv-1", "rack-1");
        using (var store = SqliteRolloutStore.Open(Path))
        {
            store.CreateRollout(rollout, [host], Event("created"));
            var moved = rollout with { State = RolloutState.Settling, CurrentWave = 2, WaveEndedAt = DeciderFixtures.Monday.AddMinutes(3) };
            var started = host with { Phase = HostPhase.Executing, UpdateId = "u1", LastSequence = 42, Blackout = TimeSpan.FromMilliseconds(4321), OldBundle = "sha256:old" };
            store.Commit(new StoreCommit(moved, [started], [Event("moved")]));
        }

        using var reopened = SqliteRolloutStore.Open(Path);
        var read = reopened.FindRollout("r1")!;
        var readHost = Assert.Single(reopened.Hosts("r1"));
        Assert.Equal((RolloutState.Settling, 2, DeciderFixtures.Monday.AddMinutes(3)), (read.State, read.CurrentWave, read.WaveEndedAt!.Value));
        Assert.Equal(rollout.Artifacts.PlaybookYaml, read.Artifacts.PlaybookYaml);
        Assert.Equal((HostPhase.Executing, "u1", 42L, TimeSpan.FromMilliseconds(4321), "sha256:old"),
            (readHost.Phase, readHost.UpdateId, readHost.LastSequence, readHost.Blackout!.Value, readHost.OldBundle));
        Assert.Equal(["created", "moved"], reopened.Events("r1").Select(e => e.Kind));
    }

    [Fact]
    public void RequestControl_ThenEngineCommitsRolloutRow_PauseRequestSurvives()
    {
        using var store = SqliteRolloutStore.Open(Path);
        var rollout = DeciderFixtures.RolloutIn(RolloutState.RunningWave);
        store.CreateRollout(rollout, [], Event("created"));

        store.RequestControl("r1", RolloutControl.Pause, "operator", DeciderFixtures.Monday);
        store.Commit(new StoreCommit(rollout with { CurrentWave = 3 }, [], []));

        Assert.True(store.FindRollout("r1")!.PauseRequested);
    }

    [Fact]
    public void Events_UpdatedBehindTheStoresBack_RefusedAsAppendOnly()
    {
        using (var store = SqliteRolloutStore.Open(Path))
        {
            store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), [], Event("created"));
        }

        using var raw = OpenRaw();
        var ex = Assert.Throws<SqliteException>(() => Scalar(raw, "UPDATE events SET message = 'edited'"));
        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateRollout_SameIdTwice_Refused()
    {
        using var store = SqliteRolloutStore.Open(Path);
        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), [], Event("created"));

        Assert.Throws<InvalidOperationException>(() => store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), [], Event("created")));
    }

    private static RolloutEventRecord Event(string kind) => new(0, "r1", DeciderFixtures.Monday, null, kind, kind);

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
