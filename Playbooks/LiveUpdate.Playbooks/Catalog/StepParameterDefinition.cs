using System.Globalization;

namespace LiveUpdate.Playbooks;

/// <summary>One parameter a step kind accepts under <c>with:</c>.</summary>
public sealed class StepParameterDefinition
{
    private StepParameterDefinition(
        string name,
        StepParameterType type,
        string description,
        string? defaultValue,
        int? minimum = null,
        string? pattern = null,
        string? patternHint = null,
        IReadOnlyList<string>? allowedValues = null)
    {
        Name = name;
        Type = type;
        Description = description;
        Default = defaultValue;
        Minimum = minimum;
        Pattern = pattern;
        PatternHint = patternHint;
        AllowedValues = allowedValues ?? [];
    }

    public string Name { get; }

    public StepParameterType Type { get; }

    public string Description { get; }

    /// <summary>True when the playbook must give a value; otherwise <see cref="Default"/> is used.</summary>
    public bool Required => Default is null;

    /// <summary>The canonical text of the default value, or null for a required parameter.</summary>
    public string? Default { get; }

    /// <summary>The smallest value an <see cref="StepParameterType.Int"/> parameter accepts.</summary>
    public int? Minimum { get; }

    /// <summary>A regular expression (valid in .NET and ECMA-262) a string value must match.</summary>
    public string? Pattern { get; }

    /// <summary>What <see cref="Pattern"/> asks for, in words, for error messages.</summary>
    public string? PatternHint { get; }

    /// <summary>The values an <see cref="StepParameterType.Enum"/> parameter accepts.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>The type as messages and the schema name it: int, string, bool, duration or enum.</summary>
    public string TypeName => Type.ToString().ToLowerInvariant();

    internal static StepParameterDefinition Int(string name, int defaultValue, int minimum, string description) =>
        new(name, StepParameterType.Int, description, defaultValue.ToString(CultureInfo.InvariantCulture), minimum);

    internal static StepParameterDefinition Bool(string name, bool defaultValue, string description) =>
        new(name, StepParameterType.Bool, description, defaultValue ? "true" : "false");

    internal static StepParameterDefinition RequiredString(string name, string description, string pattern, string patternHint) =>
        new(name, StepParameterType.String, description, null, pattern: pattern, patternHint: patternHint);

    internal static StepParameterDefinition String(string name, string defaultValue, string description, string pattern, string patternHint) =>
        new(name, StepParameterType.String, description, defaultValue, pattern: pattern, patternHint: patternHint);

    internal static StepParameterDefinition Duration(string name, TimeSpan defaultValue, string description) =>
        new(name, StepParameterType.Duration, description, PlaybookDuration.Format(defaultValue));

    internal static StepParameterDefinition Enum(string name, string defaultValue, IReadOnlyList<string> allowed, string description) =>
        new(name, StepParameterType.Enum, description, defaultValue, allowedValues: allowed);
}
