using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveUpdate.Agent.Preflight;

/// <summary>The report as JSON: camelCase properties, enums as kebab-case strings, nulls kept so absent facts show.</summary>
public static class PreflightReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Serialize(PreflightReport report) => JsonSerializer.Serialize(report, Options);
}
