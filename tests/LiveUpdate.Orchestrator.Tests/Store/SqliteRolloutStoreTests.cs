using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Tests.Engine;
using LiveUpdate.Testing;
using Microsoft.Data.Sqlite;

namespace LiveUpdate.Orchestrator.Tests.Store;

public sealed class SqliteRolloutStoreTests : RolloutStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new("liveupdate-store");

    private string Path => _dir.Combine("rollouts.db");

    public void Dispose() => _dir.Dispose();

    protected override IRolloutStore Open() => SqliteRolloutStore.Open(Path);

    [Fact]
    public void Open_NewFile_UsesWalAndFullSync()
    {
        using var store = SqliteRolloutStore.Open(Path);

        using var raw = OpenRaw();
        Assert.Equal("wal", Scalar(raw, "PRAGMA journal_mode"));
        Assert.Equal(2L, Scalar(raw, "PRAGMA user_version"));
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
        Assert.Contains("knows up to 2", ex.Message, StringComparison.Ordinal);
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
