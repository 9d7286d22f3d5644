using System.Text.Json.Serialization;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// Source-generated serialization for plans: no reflection, and property order fixed by declaration order, which
/// the content hash relies on.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true,
    Converters = [typeof(DurationJsonConverter)])]
[JsonSerializable(typeof(RolloutPlan))]
[JsonSerializable(typeof(HostFacts))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
