using System.Globalization;
using System.Text.Json.Nodes;

namespace LiveUpdate.Playbooks;

/// <summary>The schema of steps and compensations, with each kind's <c>with:</c> parameters chosen by if/then.</summary>
internal static class StepSchemas
{
    public static string WithDefinitionName(StepKindDefinition kind) => "with-" + kind.Name;

    public static JsonObject Step() =>
        Entry("id", "The step's unique id.", [.. StepKindCatalog.All.Where(k => k.AllowedAsStep)], idPattern: "^[a-z][a-z0-9-]*$");

    public static JsonObject Compensation() =>
        Entry("for", "The id of the step this compensation undoes.", [.. StepKindCatalog.All.Where(k => k.AllowedAsCompensation)], idPattern: null);

    public static JsonObject With(StepKindDefinition kind)
    {
        var properties = new JsonObject();
        foreach (var parameter in kind.Parameters)
        {
            properties[parameter.Name] = Parameter(parameter);
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"Parameters of '{kind.Name}'.",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        var required = kind.Parameters.Where(p => p.Required).Select(p => p.Name).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = PlaybookSchema.Strings(required);
        }

        return schema;
    }

    private static JsonObject Entry(string idKey, string idDescription, StepKindDefinition[] kinds, string? idPattern)
    {
        var id = new JsonObject { ["type"] = "string", ["description"] = idDescription };
        if (idPattern is not null)
        {
            id["pattern"] = idPattern;
        }

        var kindChoices = new JsonArray();
        var perKind = new JsonArray();
        foreach (var kind in kinds)
        {
            kindChoices.Add(new JsonObject { ["const"] = kind.Name, ["description"] = kind.Description });
            var then = new JsonObject
            {
                ["properties"] = new JsonObject { ["with"] = new JsonObject { ["$ref"] = "#/$defs/" + WithDefinitionName(kind) } },
            };
            if (kind.Parameters.Any(p => p.Required))
            {
                then["required"] = PlaybookSchema.Strings("with");
            }

            perKind.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["const"] = kind.Name } },
                    ["required"] = PlaybookSchema.Strings("kind"),
                },
                ["then"] = then,
            });
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = PlaybookSchema.Strings(idKey, "kind", "timeout"),
            ["properties"] = new JsonObject
            {
                [idKey] = id,
                ["kind"] = new JsonObject { ["oneOf"] = kindChoices },
                ["timeout"] = new JsonObject { ["$ref"] = "#/$defs/duration" },
                ["with"] = new JsonObject { ["type"] = "object" },
            },
            ["allOf"] = perKind,
        };
    }

    private static JsonObject Parameter(StepParameterDefinition parameter)
    {
        var schema = new JsonObject { ["description"] = parameter.Description };
        switch (parameter.Type)
        {
            case StepParameterType.Int:
                schema["type"] = "integer";
                if (parameter.Minimum is { } minimum)
                {
                    schema["minimum"] = minimum;
                }

                break;
            case StepParameterType.Bool:
                schema["type"] = "boolean";
                break;
            case StepParameterType.Duration:
                schema["$ref"] = "#/$defs/duration";
                break;
            case StepParameterType.Enum:
                schema["enum"] = PlaybookSchema.Strings([.. parameter.AllowedValues]);
                break;
            default:
                schema["type"] = "string";
                if (parameter.Pattern is not null)
                {
                    schema["pattern"] = parameter.Pattern;
                }

                break;
        }

        if (parameter.Default is { } defaultText)
        {
            schema["default"] = parameter.Type switch
            {
                StepParameterType.Int => int.Parse(defaultText, CultureInfo.InvariantCulture),
                StepParameterType.Bool => bool.Parse(defaultText),
                _ => defaultText,
            };
        }

        return schema;
    }
}
