using System.Text.Json;
using System.Text.Json.Serialization;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Kernel.Memory;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Preflight;

/// <summary>The report as JSON: camelCase properties, enums as kebab-case strings, nulls kept so absent facts show.</summary>
public static class PreflightReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        TypeInfoResolver = PreflightReportJsonContext.Default,
        Converters =
        {
            new JsonStringEnumConverter<LockdownMode>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<HandoverMode>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<MemmapKind>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<HandoverDriverKind>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<PreservationMethod>(JsonNamingPolicy.KebabCaseLower),
        },
    };

    public static string Serialize(PreflightReport report) => JsonSerializer.Serialize(report, Options.GetTypeInfo(typeof(PreflightReport)));
}

[JsonSerializable(typeof(PreflightReport))]
internal sealed partial class PreflightReportJsonContext : JsonSerializerContext;
