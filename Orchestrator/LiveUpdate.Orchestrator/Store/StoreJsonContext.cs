using System.Text.Json.Serialization;

namespace LiveUpdate.Orchestrator.Store;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RolloutArtifacts))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
