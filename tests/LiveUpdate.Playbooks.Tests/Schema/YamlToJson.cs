using System.Globalization;
using System.Text.Json.Nodes;
using LiveUpdate.Playbooks.Loading;
using LiveUpdate.Playbooks.Loading.Yaml;

namespace LiveUpdate.Playbooks.Tests.Schema;

/// <summary>Turns playbook YAML into the JSON an editor's schema validator sees (YAML 1.2 core scalars).</summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var errors = new ErrorSink("schema-test.yaml");
        var root = YamlTreeReader.Read(yaml, errors);
        Assert.False(errors.HasErrors, string.Join("\n", errors.ToList()));
        return ToJson(root!);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlSequence sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar { IsPlain: true, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalar { IsPlain: true } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) =>
            JsonValue.Create(number),
        YamlScalar scalar => JsonValue.Create(scalar.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "unexpected YAML node"),
    };
}
