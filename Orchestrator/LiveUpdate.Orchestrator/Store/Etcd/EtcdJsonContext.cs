using System.Text.Json.Serialization;

namespace LiveUpdate.Orchestrator.Store.Etcd;

/// <summary>The values the etcd store keeps: one JSON document per rollout, host, operator intent and event.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RolloutRecord))]
[JsonSerializable(typeof(HostRecord))]
[JsonSerializable(typeof(RolloutEventRecord))]
[JsonSerializable(typeof(EtcdIntents))]
[JsonSerializable(typeof(EtcdClaim))]
internal sealed partial class EtcdJsonContext : JsonSerializerContext;

/// <summary>The operator's requests for one rollout, kept apart from the rollout document so an engine's commit never overwrites them.</summary>
internal sealed record EtcdIntents(bool Pause, bool Abort);

/// <summary>Which orchestrator runs a rollout, and until when.</summary>
internal sealed record EtcdClaim(string Owner, DateTimeOffset Until);
