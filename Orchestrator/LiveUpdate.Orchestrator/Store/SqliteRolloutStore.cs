using Microsoft.Data.Sqlite;

namespace LiveUpdate.Orchestrator.Store;

/// <summary>
/// <see cref="IRolloutStore"/> in one SQLite file: WAL journal, <c>synchronous=FULL</c> so a commit survives power
/// loss, one connection guarded by a lock (host workers commit concurrently). The rollout row's operator intents
/// are written only by <see cref="RequestControl"/>, so an engine's commit never erases a pause requested from
/// another process in the meantime.
/// </summary>
public sealed class SqliteRolloutStore : IRolloutStore
{
    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;

    private SqliteRolloutStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    /// <exception cref="StoreVersionException">The file was written by a newer orchestrator.</exception>
    public static SqliteRolloutStore Open(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            SqliteSchema.Execute(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;");
            SqliteSchema.Apply(connection, path);
            return new SqliteRolloutStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void CreateRollout(RolloutRecord rollout, IReadOnlyList<HostRecord> hosts, RolloutEventRecord created)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(hosts);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            if (Find(rollout.Id, transaction) is not null)
            {
                throw new InvalidOperationException($"rollout '{rollout.Id}' already exists in the store; resume it instead of creating it again");
            }

            Write(transaction, $"INSERT INTO rollouts({SqliteRows.RolloutColumns}) VALUES ($id, $name, $kind, $parent, $plan, $planHash, $specHash, " +
                "$artifacts, $state, $wave, $waveEnded, $gatesPassed, $pause, $abort, $reason, $created, $updated)", c => SqliteRows.BindRollout(c, rollout));
            foreach (var host in hosts)
            {
                WriteHost(transaction, host);
            }

            AppendEvent(transaction, created);
            transaction.Commit();
        }
    }

    public RolloutRecord? FindRollout(string id)
    {
        lock (_lock)
        {
            return Find(id, null);
        }
    }

    public IReadOnlyList<RolloutRecord> ListRollouts()
    {
        lock (_lock)
        {
            return Read($"SELECT {SqliteRows.RolloutColumns} FROM rollouts ORDER BY created_at, id", null, SqliteRows.ReadRollout);
        }
    }

    public IReadOnlyList<HostRecord> Hosts(string rolloutId)
    {
        lock (_lock)
        {
            return Read($"SELECT {SqliteRows.HostColumns} FROM hosts WHERE rollout_id = $id ORDER BY wave, position", c => SqliteRows.Bind(c, "$id", rolloutId), SqliteRows.ReadHost);
        }
    }

    public void Commit(StoreCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            if (commit.Rollout is { } rollout)
            {
                var changed = Write(transaction, "UPDATE rollouts SET state = $state, current_wave = $wave, wave_ended_at = $waveEnded, " +
                    "gates_passed_wave = $gatesPassed, reason = $reason, updated_at = $updated WHERE id = $id", c => SqliteRows.BindRollout(c, rollout));
                if (changed != 1)
                {
                    throw new KeyNotFoundException($"rollout '{rollout.Id}' is not in the store");
                }
            }

            foreach (var host in commit.Hosts)
            {
                WriteHost(transaction, host);
            }

            foreach (var e in commit.Events)
            {
                AppendEvent(transaction, e);
            }

            transaction.Commit();
        }
    }

    public void RequestControl(string rolloutId, RolloutControl control, string reason, DateTimeOffset at)
    {
        var set = control switch
        {
            RolloutControl.Pause => "pause_requested = 1",
            RolloutControl.Resume => "pause_requested = 0",
            _ => "abort_requested = 1",
        };
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            if (Write(transaction, $"UPDATE rollouts SET {set} WHERE id = $id", c => SqliteRows.Bind(c, "$id", rolloutId)) != 1)
            {
                throw new KeyNotFoundException($"no rollout '{rolloutId}' in the store; list rollouts to find its id");
            }

            AppendEvent(transaction, new RolloutEventRecord(0, rolloutId, at, null, "control-" + control.ToString().ToLowerInvariant(), reason));
            transaction.Commit();
        }
    }

    public IReadOnlyList<RolloutEventRecord> Events(string rolloutId, long afterId = 0)
    {
        lock (_lock)
        {
            return Read("SELECT id, rollout_id, at, host, kind, message FROM events WHERE rollout_id = $id AND id > $after ORDER BY id", c =>
            {
                SqliteRows.Bind(c, "$id", rolloutId);
                SqliteRows.Bind(c, "$after", afterId);
            }, SqliteRows.ReadEvent);
        }
    }

    public RolloutClaim Claim(string rolloutId, string owner, DateTimeOffset now, DateTimeOffset until)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            var held = Read("SELECT owner, owner_until FROM rollouts WHERE id = $id", c => SqliteRows.Bind(c, "$id", rolloutId),
                r => (Holder: r.IsDBNull(0) ? null : r.GetString(0), Until: SqliteRows.Time(r, 1)), transaction);
            if (held.Count == 0)
            {
                throw new KeyNotFoundException($"no rollout '{rolloutId}' in the store");
            }

            var claim = RolloutClaim.Decide(held[0].Holder, held[0].Until, owner, now, until);
            if (claim.Granted)
            {
                Write(transaction, "UPDATE rollouts SET owner = $owner, owner_until = $until WHERE id = $id", c =>
                {
                    SqliteRows.Bind(c, "$id", rolloutId);
                    SqliteRows.Bind(c, "$owner", owner);
                    SqliteRows.Bind(c, "$until", SqliteRows.Text(until));
                });
                transaction.Commit();
            }

            return claim;
        }
    }

    public void Release(string rolloutId, string owner)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            Write(transaction, "UPDATE rollouts SET owner = NULL, owner_until = NULL WHERE id = $id AND owner = $owner", c =>
            {
                SqliteRows.Bind(c, "$id", rolloutId);
                SqliteRows.Bind(c, "$owner", owner);
            });
            transaction.Commit();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _connection.Dispose();
        }
    }

    private RolloutRecord? Find(string id, SqliteTransaction? transaction) =>
        Read($"SELECT {SqliteRows.RolloutColumns} FROM rollouts WHERE id = $id", c => SqliteRows.Bind(c, "$id", id), SqliteRows.ReadRollout, transaction)
            .SingleOrDefault();

    private void WriteHost(SqliteTransaction transaction, HostRecord host) =>
        Write(transaction, $"INSERT OR REPLACE INTO hosts({SqliteRows.HostColumns}) VALUES ($rollout, $host, $domain, $wave, $position, $phase, $target, " +
            "$update, $sequence, $attempts, $oldKernel, $newKernel, $oldBundle, $blackoutStarted, $blackout, $started, $ended, $abort, $gateFailed, $reason)", c => SqliteRows.BindHost(c, host));

    private void AppendEvent(SqliteTransaction transaction, RolloutEventRecord e) =>
        Write(transaction, "INSERT INTO events(rollout_id, at, host, kind, message) VALUES ($rollout, $at, $host, $kind, $message)", c =>
        {
            SqliteRows.Bind(c, "$rollout", e.RolloutId);
            SqliteRows.Bind(c, "$at", SqliteRows.Text(e.At));
            SqliteRows.Bind(c, "$host", e.Host);
            SqliteRows.Bind(c, "$kind", e.Kind);
            SqliteRows.Bind(c, "$message", e.Message);
        });

    private int Write(SqliteTransaction transaction, string sql, Action<SqliteCommand> bind)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return command.ExecuteNonQuery();
    }

    private List<T> Read<T>(string sql, Action<SqliteCommand>? bind, Func<SqliteDataReader, T> map, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind?.Invoke(command);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
