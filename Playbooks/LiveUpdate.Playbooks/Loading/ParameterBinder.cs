using System.Globalization;
using System.Text.RegularExpressions;
using LiveUpdate.Playbooks.Loading.Yaml;

namespace LiveUpdate.Playbooks.Loading;

/// <summary>
/// Checks a step's <c>with:</c> mapping against its kind and returns every parameter in canonical
/// text, defaults filled in, so consumers never see two spellings of one value.
/// </summary>
internal static class ParameterBinder
{
    public static IReadOnlyDictionary<string, string> Bind(
        StepKindDefinition kind, YamlNode? with, TextPosition stepPosition, ErrorSink errors)
    {
        var given = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        switch (with)
        {
            case null or YamlScalar { IsNull: true }:
                break;
            case YamlMapping mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    if (kind.FindParameter(key.Value) is null)
                    {
                        errors.Add(key.Position, UnknownParameter(kind, key.Value));
                    }
                    else
                    {
                        given[key.Value] = value;
                    }
                }

                break;
            default:
                errors.Add(with.Position, $"'with' must be a mapping of parameter names to values, not {with.Describe()}");
                break;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in kind.Parameters)
        {
            if (given.TryGetValue(parameter.Name, out var node) && node is not YamlScalar { IsNull: true })
            {
                if (Canonical(parameter, node, kind, errors) is { } value)
                {
                    values[parameter.Name] = value;
                }
            }
            else if (parameter.Default is { } defaultValue)
            {
                values[parameter.Name] = defaultValue;
            }
            else
            {
                errors.Add(with?.Position ?? stepPosition,
                    $"'{kind.Name}' needs parameter '{parameter.Name}' under 'with' ({parameter.Description.TrimEnd('.')})");
            }
        }

        return values;
    }

    private static string UnknownParameter(StepKindDefinition kind, string name) =>
        kind.Parameters.Count == 0
            ? $"unknown parameter '{name}': '{kind.Name}' takes no parameters"
            : $"unknown parameter '{name}' for '{kind.Name}'; it takes: {string.Join(", ", kind.Parameters.Select(p => p.Name))}";

    private static string? Canonical(StepParameterDefinition parameter, YamlNode node, StepKindDefinition kind, ErrorSink errors)
    {
        var value = node is YamlScalar scalar ? Parse(parameter, scalar) : null;
        if (value is null)
        {
            errors.Add(node.Position, $"parameter '{parameter.Name}' of '{kind.Name}' must be {Expected(parameter)}, not {node.Describe()}");
        }

        return value;
    }

    private static string? Parse(StepParameterDefinition parameter, YamlScalar scalar)
    {
        var text = scalar.Value;
        switch (parameter.Type)
        {
            // Quoted numbers and booleans are strings in YAML (and in the JSON schema), so they are refused here too.
            case StepParameterType.Int:
                return scalar.IsPlain
                    && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    && number >= (parameter.Minimum ?? int.MinValue)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : null;
            case StepParameterType.Bool:
                return scalar.IsPlain && bool.TryParse(text, out var flag) && text is "true" or "false" or "True" or "False" or "TRUE" or "FALSE"
                    ? (flag ? "true" : "false")
                    : null;
            case StepParameterType.Duration:
                return PlaybookDuration.TryParse(text, out var duration) ? PlaybookDuration.Format(duration) : null;
            case StepParameterType.Enum:
                return parameter.AllowedValues.Contains(text) ? text : null;
            default:
                return parameter.Pattern is null || Regex.IsMatch(text, parameter.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                    ? text
                    : null;
        }
    }

    private static string Expected(StepParameterDefinition parameter) => parameter.Type switch
    {
        StepParameterType.Int => parameter.Minimum is { } minimum ? $"a whole number of at least {minimum}" : "a whole number",
        StepParameterType.Bool => "true or false",
        StepParameterType.Duration => "a duration like 500ms, 30s, 2m or 1m30s",
        StepParameterType.Enum => $"one of: {string.Join(", ", parameter.AllowedValues)}",
        _ => parameter.PatternHint ?? "text",
    };
}
