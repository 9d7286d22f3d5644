using System.Text.Json.Serialization;

namespace LiveUpdate.Orchestrator.Reporting;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RolloutReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
