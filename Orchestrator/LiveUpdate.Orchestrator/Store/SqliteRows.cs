using System.Globalization;
using System.Text.Json;
using LiveUpdate.Orchestrator.Rollout;
using Microsoft.Data.Sqlite;

namespace LiveUpdate.Orchestrator.Store;

/// <summary>Rows to records and back. Times are stored as round-trip ISO 8601 text, enums by name.</summary>
internal static class SqliteRows
{
    public const string RolloutColumns = "id, name, kind, parent_id, plan_json, plan_hash, spec_hash, artifacts_json, state, current_wave, " +
        "wave_ended_at, gates_passed_wave, pause_requested, abort_requested, reason, created_at, updated_at";

    public const string HostColumns = "rollout_id, host, failure_domain, wave, position, phase, target_bundle, update_id, last_sequence, attempts, " +
        "old_kernel, new_kernel, old_bundle, blackout_started_at, blackout_ticks, started_at, ended_at, abort_requested, gate_failed, reason";

    public static RolloutRecord ReadRollout(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        Enum.Parse<RolloutKind>(r.GetString(2)),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        JsonSerializer.Deserialize(r.GetString(7), StoreJsonContext.Default.RolloutArtifacts)!,
        Enum.Parse<RolloutState>(r.GetString(8)),
        r.GetInt32(9),
        Time(r, 10),
        r.GetInt32(11),
        r.GetInt64(12) != 0,
        r.GetInt64(13) != 0,
        r.GetString(14),
        Time(r, 15)!.Value,
        Time(r, 16)!.Value);

    public static HostRecord ReadHost(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        r.GetInt32(4),
        Enum.Parse<HostPhase>(r.GetString(5)),
        r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetInt64(8),
        r.GetInt32(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11),
        r.IsDBNull(12) ? null : r.GetString(12),
        Time(r, 13),
        r.IsDBNull(14) ? null : TimeSpan.FromTicks(r.GetInt64(14)),
        Time(r, 15),
        Time(r, 16),
        r.GetInt64(17) != 0,
        r.GetInt64(18) != 0,
        r.GetString(19));

    public static RolloutEventRecord ReadEvent(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), Time(r, 2)!.Value, r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5));

    public static void BindRollout(SqliteCommand c, RolloutRecord x)
    {
        Bind(c, "$id", x.Id);
        Bind(c, "$name", x.Name);
        Bind(c, "$kind", x.Kind.ToString());
        Bind(c, "$parent", x.ParentId);
        Bind(c, "$plan", x.PlanJson);
        Bind(c, "$planHash", x.PlanHash);
        Bind(c, "$specHash", x.SpecHash);
        Bind(c, "$artifacts", JsonSerializer.Serialize(x.Artifacts, StoreJsonContext.Default.RolloutArtifacts));
        Bind(c, "$state", x.State.ToString());
        Bind(c, "$wave", x.CurrentWave);
        Bind(c, "$waveEnded", Text(x.WaveEndedAt));
        Bind(c, "$gatesPassed", x.GatesPassedWave);
        Bind(c, "$pause", x.PauseRequested ? 1 : 0);
        Bind(c, "$abort", x.AbortRequested ? 1 : 0);
        Bind(c, "$reason", x.Reason);
        Bind(c, "$created", Text(x.CreatedAt));
        Bind(c, "$updated", Text(x.UpdatedAt));
    }

    public static void BindHost(SqliteCommand c, HostRecord x)
    {
        Bind(c, "$rollout", x.RolloutId);
        Bind(c, "$host", x.Host);
        Bind(c, "$domain", x.FailureDomain);
        Bind(c, "$wave", x.Wave);
        Bind(c, "$position", x.Position);
        Bind(c, "$phase", x.Phase.ToString());
        Bind(c, "$target", x.TargetBundle);
        Bind(c, "$update", x.UpdateId);
        Bind(c, "$sequence", x.LastSequence);
        Bind(c, "$attempts", x.Attempts);
        Bind(c, "$oldKernel", x.OldKernel);
        Bind(c, "$newKernel", x.NewKernel);
        Bind(c, "$oldBundle", x.OldBundle);
        Bind(c, "$blackoutStarted", Text(x.BlackoutStartedAt));
        Bind(c, "$blackout", x.Blackout?.Ticks);
        Bind(c, "$started", Text(x.StartedAt));
        Bind(c, "$ended", Text(x.EndedAt));
        Bind(c, "$abort", x.AbortRequested ? 1 : 0);
        Bind(c, "$gateFailed", x.GateFailed ? 1 : 0);
        Bind(c, "$reason", x.Reason);
    }

    public static string? Text(DateTimeOffset? t) => t?.ToString("O", CultureInfo.InvariantCulture);

    public static void Bind(SqliteCommand c, string name, object? value) => c.Parameters.AddWithValue(name, value ?? DBNull.Value);

    public static DateTimeOffset? Time(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
