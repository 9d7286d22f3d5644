using System.Text.RegularExpressions;
using LiveUpdate.Playbooks.Loading.Yaml;

namespace LiveUpdate.Playbooks.Loading;

/// <summary>Reads the entries of <c>steps:</c> and <c>compensations:</c>.</summary>
internal static partial class StepReader
{
    private static readonly string[] StepKeys = ["id", "kind", "timeout", "with"];
    private static readonly string[] CompensationKeys = ["for", "kind", "timeout", "with"];
    private const string ParametersHint = " (parameters go under 'with')";

    public static StepDraft? ReadStep(YamlNode node, ErrorSink errors)
    {
        if (node is not YamlMapping mapping)
        {
            errors.Add(node.Position, $"each step must be a mapping with id, kind and timeout, not {node.Describe()}");
            return null;
        }

        var reader = new MappingReader(mapping, "a step", errors);
        reader.RejectUnknownKeys(StepKeys, ParametersHint);
        var id = reader.RequiredText("id");
        if (id is not null && !IdPattern().IsMatch(id.Value))
        {
            errors.Add(id.Position, $"step id '{id.Value}' must be lowercase letters, digits and dashes, starting with a letter");
        }

        var body = ReadBody(reader, asCompensation: false);
        return new StepDraft(id?.Value, id?.Position ?? mapping.Position, body, mapping.Position);
    }

    public static CompensationDraft? ReadCompensation(YamlNode node, ErrorSink errors)
    {
        if (node is not YamlMapping mapping)
        {
            errors.Add(node.Position, $"each compensation must be a mapping with for, kind and timeout, not {node.Describe()}");
            return null;
        }

        var reader = new MappingReader(mapping, "a compensation", errors);
        reader.RejectUnknownKeys(CompensationKeys, ParametersHint);
        var target = reader.RequiredText("for");
        var body = ReadBody(reader, asCompensation: true);
        return new CompensationDraft(target?.Value, target?.Position ?? mapping.Position, body, mapping.Position);
    }

    private static StepBody ReadBody(MappingReader reader, bool asCompensation)
    {
        var kind = reader.RequiredText("kind");
        var definition = kind is null ? null : FindKind(kind, asCompensation, reader.Errors);
        var timeout = reader.RequiredDuration("timeout");
        var parameters = definition is null
            ? new Dictionary<string, string>()
            : ParameterBinder.Bind(definition, reader.Mapping.Find("with"), reader.Mapping.Position, reader.Errors);
        return new StepBody(definition, kind?.Position ?? reader.Mapping.Position, timeout, parameters);
    }

    private static StepKindDefinition? FindKind(YamlScalar kind, bool asCompensation, ErrorSink errors)
    {
        if (!StepKindCatalog.TryGet(kind.Value, out var definition))
        {
            var known = asCompensation ? StepKindCatalog.CompensationNames : StepKindCatalog.StepNames;
            errors.Add(kind.Position, $"unknown step kind '{kind.Value}'; known kinds: {string.Join(", ", known)}");
            return null;
        }

        if (asCompensation && !definition.AllowedAsCompensation)
        {
            errors.Add(kind.Position,
                $"'{kind.Value}' cannot be used as a compensation; compensations may be: {string.Join(", ", StepKindCatalog.CompensationNames)}");
            return null;
        }

        if (!asCompensation && !definition.AllowedAsStep)
        {
            errors.Add(kind.Position, $"'{kind.Value}' can only be used as a compensation, not as a step");
            return null;
        }

        return definition;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
