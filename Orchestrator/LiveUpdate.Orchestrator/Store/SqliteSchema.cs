using Microsoft.Data.Sqlite;

namespace LiveUpdate.Orchestrator.Store;

/// <summary>
/// The store's schema, versioned with SQLite's <c>user_version</c>. A file from a newer orchestrator is refused
/// rather than read half-understood; older versions are migrated forward here, one step per version.
/// </summary>
internal static class SqliteSchema
{
    public const long Version = 2;

    private const string V1 = """
        CREATE TABLE rollouts(
            id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent_id TEXT,
            plan_json TEXT NOT NULL, plan_hash TEXT NOT NULL, spec_hash TEXT NOT NULL, artifacts_json TEXT NOT NULL,
            state TEXT NOT NULL, current_wave INTEGER NOT NULL, wave_ended_at TEXT, gates_passed_wave INTEGER NOT NULL,
            pause_requested INTEGER NOT NULL DEFAULT 0, abort_requested INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE hosts(
            rollout_id TEXT NOT NULL REFERENCES rollouts(id), host TEXT NOT NULL, failure_domain TEXT NOT NULL,
            wave INTEGER NOT NULL, position INTEGER NOT NULL, phase TEXT NOT NULL, target_bundle TEXT NOT NULL,
            update_id TEXT, last_sequence INTEGER NOT NULL, attempts INTEGER NOT NULL,
            old_kernel TEXT, new_kernel TEXT, old_bundle TEXT, blackout_started_at TEXT, blackout_ticks INTEGER,
            started_at TEXT, ended_at TEXT, abort_requested INTEGER NOT NULL, gate_failed INTEGER NOT NULL, reason TEXT NOT NULL,
            PRIMARY KEY(rollout_id, host));
        CREATE TABLE events(
            id INTEGER PRIMARY KEY AUTOINCREMENT, rollout_id TEXT NOT NULL REFERENCES rollouts(id),
            at TEXT NOT NULL, host TEXT, kind TEXT NOT NULL, message TEXT NOT NULL);
        CREATE INDEX events_by_rollout ON events(rollout_id, id);
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the rollout event log is append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the rollout event log is append-only'); END;
        """;

    // Which orchestrator runs each rollout, and until when (RolloutClaim).
    private const string V2 = "ALTER TABLE rollouts ADD COLUMN owner TEXT; ALTER TABLE rollouts ADD COLUMN owner_until TEXT;";

    public static void Apply(SqliteConnection connection, string path)
    {
        var found = Scalar(connection, "PRAGMA user_version");
        if (found > Version)
        {
            throw new StoreVersionException(path, found, Version);
        }

        if (found == Version)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        if (found < 1)
        {
            Execute(connection, transaction, V1);
        }

        if (found < 2)
        {
            Execute(connection, transaction, V2);
        }

        Execute(connection, transaction, $"PRAGMA user_version = {Version}");
        transaction.Commit();
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
