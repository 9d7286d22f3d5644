using LiveUpdate.Playbooks.Loading.Yaml;

namespace LiveUpdate.Playbooks.Loading;

/// <summary>Reads the keys of one YAML mapping, reporting unknown, missing and mistyped values.</summary>
internal sealed class MappingReader(YamlMapping mapping, string what, ErrorSink errors)
{
    public YamlMapping Mapping { get; } = mapping;

    public ErrorSink Errors { get; } = errors;

    public void RejectUnknownKeys(IReadOnlyList<string> knownKeys, string? hint = null)
    {
        foreach (var (key, _) in Mapping.Entries)
        {
            if (!knownKeys.Contains(key.Value))
            {
                Errors.Add(key.Position,
                    $"unknown key '{key.Value}' in {what}; expected one of: {string.Join(", ", knownKeys)}{hint}");
            }
        }
    }

    /// <summary>The text under <paramref name="key"/>; reports it (at the mapping) when absent.</summary>
    public YamlScalar? RequiredText(string key)
    {
        var value = OptionalText(key);
        if (value is null && Mapping.Find(key) is null or YamlScalar { IsNull: true })
        {
            Errors.Add(Mapping.Position, $"{what} is missing required key '{key}'");
        }

        return value;
    }

    /// <summary>The text under <paramref name="key"/>, or null when absent, empty or not text.</summary>
    public YamlScalar? OptionalText(string key)
    {
        switch (Mapping.Find(key))
        {
            case YamlScalar { IsNull: false } scalar:
                return scalar;
            case YamlScalar or null:
                return null;
            case var other:
                Errors.Add(other.Position, $"'{key}' must be text, not {other.Describe()}");
                return null;
        }
    }

    /// <summary>The list under <paramref name="key"/>, or null (reported when required) when absent or not a list.</summary>
    public YamlSequence? List(string key, bool required)
    {
        switch (Mapping.Find(key))
        {
            case YamlSequence sequence:
                return sequence;
            case null or YamlScalar { IsNull: true }:
                if (required)
                {
                    Errors.Add(Mapping.Position, $"{what} is missing required key '{key}'");
                }

                return null;
            case var other:
                Errors.Add(other.Position, $"'{key}' must be a list, not {other.Describe()}");
                return null;
        }
    }

    /// <summary>A duration under <paramref name="key"/>; absent or invalid ones are reported and give null.</summary>
    public TimeSpan? RequiredDuration(string key)
    {
        var scalar = RequiredText(key);
        if (scalar is null)
        {
            return null;
        }

        if (!PlaybookDuration.TryParse(scalar.Value, out var duration))
        {
            Errors.Add(scalar.Position, $"'{scalar.Value}' is not a duration; write it like 500ms, 30s, 2m, 1h or 1m30s");
            return null;
        }

        if (duration <= TimeSpan.Zero)
        {
            Errors.Add(scalar.Position, $"'{key}' must be longer than zero");
            return null;
        }

        return duration;
    }
}
