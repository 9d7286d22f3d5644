using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveUpdate.Playbooks.Loading;

namespace LiveUpdate.Playbooks;

/// <summary>
/// The JSON Schema (draft 2020-12) of playbook files, for editors. It is generated from the model and
/// <see cref="StepKindCatalog"/>, and a test keeps <c>Playbooks/schema/playbook.schema.json</c> equal to it.
/// The loader remains the authority: cross-step rules (the point of no return, compensation targets)
/// are beyond what the schema can say.
/// </summary>
public static class PlaybookSchema
{
    public const string Id = "https://liveupdate.dev/schemas/playbook/v1.json";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema as indented JSON text ending in a newline.</summary>
    public static string Generate() => Build().ToJsonString(WriteOptions) + "\n";

    internal static JsonObject Build()
    {
        var definitions = new JsonObject
        {
            ["duration"] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = PlaybookDuration.Pattern,
                ["description"] = "A duration: h, m, s and ms, largest first, e.g. 500ms, 30s, 2m, 1h, 1m30s.",
            },
            ["step"] = StepSchemas.Step(),
            ["compensation"] = StepSchemas.Compensation(),
        };
        foreach (var kind in StepKindCatalog.All)
        {
            definitions[StepSchemas.WithDefinitionName(kind)] = StepSchemas.With(kind);
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "LiveUpdate playbook",
            ["description"] = "The live kernel update procedure for a KVM/libvirt host, as data.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = Strings("name", "handover", "pointOfNoReturn", "steps"),
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["const"] = PlaybookDocumentReader.ApiVersion },
                ["kind"] = new JsonObject { ["const"] = PlaybookDocumentReader.Kind },
                ["name"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z][a-z0-9-]*$" },
                ["description"] = new JsonObject { ["type"] = "string" },
                ["handover"] = new JsonObject
                {
                    ["description"] = "How the old kernel hands over to the new one.",
                    ["enum"] = Strings([.. PlaybookNames.AllHandovers]),
                },
                ["preservation"] = new JsonObject
                {
                    ["description"] = "Where VM state is kept across the kernel switch.",
                    ["enum"] = Strings([.. PlaybookNames.AllPreservations]),
                    ["default"] = PreservationMethod.PmemSave.ToPlaybookName(),
                },
                ["pointOfNoReturn"] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "The id of the handover step; after it the old kernel is gone and nothing can be undone.",
                },
                ["steps"] = new JsonObject
                {
                    ["type"] = "array",
                    ["minItems"] = 1,
                    ["items"] = new JsonObject { ["$ref"] = "#/$defs/step" },
                },
                ["compensations"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = "Each undoes one step before the point of no return; run in reverse step order on failure.",
                    ["items"] = new JsonObject { ["$ref"] = "#/$defs/compensation" },
                },
            },
            ["$defs"] = definitions,
        };
    }

    internal static JsonArray Strings(params string[] values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
